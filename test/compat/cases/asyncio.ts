// Async across the boundary: JS promises awaited in Python, Python coroutines, futures and tasks
// awaited in JS, runPythonAsync, automatic scheduling of `async def` called from JS, then/catch/
// finally on PyAwaitable, asyncio.sleep / gather / create_task, async iterators both ways
// (Pyodide's test_asyncio.py, test_pyproxy.py::test_automatic_coroutine_scheduling,
// test_jsproxy.py::test_call_pyproxy_destroy_args and §1.7 of the FFI reference).
//
// An async case returns plain data: an awaitable PyProxy would be adopted by the case's Promise.
import type { CaseContext } from "../adapter.js";
import { dedent as py, runAsyncWithGlobals as withGlobalsAsync } from "../case-helpers.js";
import type { CompatCase } from "../runner.js";



/** One macrotask turn. */
const turn = () => new Promise((r) => setTimeout(r, 0));

/** Waits (a bounded number of macrotask turns) until `done()` holds. */
async function until(done: () => boolean, turns = 200): Promise<void> {
  for (let i = 0; i < turns && !done(); i++) await turn();
}

/** Describes a rejection/throw as plain data (the runner's observe would do it, but inside arrays we do it here). */
function errorData(e: any, c: CaseContext): unknown[] {
  const lines = String(e?.message ?? e).split("\n").filter((l) => l.trim() !== "");
  return [e?.constructor?.name, e instanceof c.ffi.PythonError ? e.type : undefined, lines[lines.length - 1]];
}

export const asyncio: CompatCase[] = [
  // ---------------------------------------------------------------------------------------------
  // runPythonAsync
  // ---------------------------------------------------------------------------------------------
  {
    name: "runPythonAsync resolves with the last expression after a top-level await",
    run: (c) => c.runAsync("import asyncio\nawait asyncio.sleep(0)\n'asyncio done'"),
  },
  {
    name: "runPythonAsync without any await resolves with the value",
    run: (c) => c.runAsync("6 * 7"),
  },
  {
    name: "runPythonAsync of a statement resolves with undefined",
    run: (c) => c.runAsync("asyncio_unused = 1"),
  },
  {
    name: "runPythonAsync rejects with a PythonError when the code raises after an await",
    run: (c) => c.runAsync("import asyncio\nawait asyncio.sleep(0)\nraise ValueError('asyncio late')"),
  },
  {
    name: "runPythonAsync awaits a JS promise at top level",
    run: (c) => c.runAsync("from js import Promise\n(await Promise.resolve(7)) + 1"),
  },
  {
    name: "runPythonAsync whose result is a coroutine resolves with that coroutine's result",
    run: async (c) => {
      c.run("asyncio_log = []\nasync def asyncio_logged(n):\n    asyncio_log.append(n)\n    return n * 10");
      const r = await c.runAsync("asyncio_logged(4)");
      return [r, c.run("repr(asyncio_log)")];
    },
  },

  // ---------------------------------------------------------------------------------------------
  // JS promises in Python
  // ---------------------------------------------------------------------------------------------
  {
    name: "awaiting the result of an async JS function in Python gives its value",
    run: (c) =>
      withGlobalsAsync(c, { asyncio_double: async (x: number) => x * 2 }, `
        from js import asyncio_double
        await asyncio_double(21)
      `),
  },
  {
    name: "a JS promise awaited in a coroutine that Python drives gives its value",
    run: (c) =>
      withGlobalsAsync(c, { asyncio_later: () => new Promise((r) => setTimeout(() => r(10), 5)) }, `
        from js import asyncio_later
        async def asyncio_add_seven():
            x = await asyncio_later()
            return x + 7
        await asyncio_add_seven()
      `),
  },
  {
    name: "a promise returned by a JS call is an asyncio Future in Python, not a coroutine",
    run: (c) =>
      withGlobalsAsync(c, { asyncio_double: async (x: number) => x * 2 }, `
        import asyncio, inspect
        from js import asyncio_double
        asyncio_f = asyncio_double(1)
        asyncio_r = [isinstance(asyncio_f, asyncio.Future), inspect.iscoroutine(asyncio_f), await asyncio_f]
        repr(asyncio_r)
      `),
  },
  {
    name: "a promise resolving to a JS Array gives a JsArray in Python",
    run: (c) =>
      c.runAsync(py(`
        import js
        from pyodide.ffi import JsArray
        asyncio_a = await js.Promise.resolve(js.Array.of(1, 2))
        repr([isinstance(asyncio_a, JsArray), list(asyncio_a)])
      `)),
  },
  {
    name: "a promise resolving to undefined gives None in Python",
    run: (c) => c.runAsync("import js\nrepr(await js.Promise.resolve(js.undefined))"),
  },
  {
    name: "awaiting a rejected promise raises JsException with the error's name and message",
    run: (c) =>
      withGlobalsAsync(c, { asyncio_fail: async () => { throw new RangeError("asyncio rejected"); } }, `
        from pyodide.ffi import JsException
        from js import asyncio_fail
        try:
            await asyncio_fail()
            asyncio_r = "no exception"
        except JsException as e:
            asyncio_r = [type(e).__name__, e.name, e.message]
        repr(asyncio_r)
      `),
  },
  {
    name: "a Python coroutine called from JS that awaits a rejected promise rejects with type JsException",
    run: async (c) => {
      (globalThis as any).asyncio_fail = async () => { throw new Error("asyncio inner"); };
      const f = c.run("from js import asyncio_fail\nasync def asyncio_relay():\n    return await asyncio_fail()\nasyncio_relay");
      try {
        await f();
        return "resolved";
      } catch (e) {
        return errorData(e, c);
      } finally {
        f.destroy();
        delete (globalThis as any).asyncio_fail;
      }
    },
  },
  {
    name: "a JS thenable that is not a Promise can be awaited in Python",
    run: (c) =>
      withGlobalsAsync(c, { asyncio_thenable: { then: (resolve: (v: unknown) => void) => resolve("asyncio thenable") } }, `
        from js import asyncio_thenable
        await asyncio_thenable
      `),
  },
  {
    name: "JsPromise.then with a Python callback gives a promise of the callback's result",
    run: (c) => c.runAsync("import js\nawait js.Promise.resolve(3).then(lambda v: v + 1)"),
  },
  {
    name: "JsPromise.catch with a Python callback receives the rejection",
    run: (c) =>
      c.runAsync("import js\nawait js.Promise.reject(js.Error.new('asyncio caught')).catch(lambda e: e.message)"),
  },
  {
    name: "JsPromise.finally_ runs its Python callback and keeps the value",
    run: (c) =>
      c.runAsync(py(`
        import js
        asyncio_flags = []
        asyncio_v = await js.Promise.resolve(5).finally_(lambda: asyncio_flags.append("ran"))
        repr([asyncio_v, asyncio_flags])
      `)),
  },
  {
    name: "asyncio.wait_for on a promise that never settles raises TimeoutError",
    run: (c) =>
      c.runAsync(py(`
        import asyncio, js
        from pyodide.ffi import create_once_callable
        asyncio_never = js.Promise.new(create_once_callable(lambda resolve, reject: None))
        try:
            await asyncio.wait_for(asyncio_never, 0.01)
            asyncio_r = "no exception"
        except asyncio.TimeoutError as e:
            asyncio_r = type(e).__name__
        asyncio_r
      `)),
  },

  // ---------------------------------------------------------------------------------------------
  // Python awaitables in JS
  // ---------------------------------------------------------------------------------------------
  {
    name: "a coroutine PyProxy is a PyAwaitable",
    run: (c) => {
      const co = c.run("async def asyncio_three():\n    return 3\nasyncio_three()");
      try {
        return [co.type, co instanceof c.ffi.PyAwaitable, typeof co.then];
      } finally {
        co.close();
        co.destroy();
      }
    },
  },
  {
    name: "JS awaits a Python coroutine object and gets its result",
    run: async (c) => {
      const co = c.run("async def asyncio_three():\n    return 3\nasyncio_three()");
      return await co;
    },
  },
  {
    name: "a Python coroutine resolving to a list gives a PyProxy of the list in JS",
    run: async (c) => {
      const co = c.run("async def asyncio_list():\n    return [1, 2]\nasyncio_list()");
      const v = await co;
      try {
        return [c.isPyProxy(v), v.type, v.toJs()];
      } finally {
        v.destroy();
      }
    },
  },
  {
    name: "after it is awaited, a coroutine PyProxy is destroyed but awaiting it again gives the same result",
    run: async (c) => {
      const co = c.run("async def asyncio_five():\n    return 5\nasyncio_five()");
      const first = await co;
      let typeAfter: unknown;
      try {
        typeAfter = co.type;
      } catch (e: any) {
        typeAfter = e.message.split("\n")[0];
      }
      return [first, typeAfter, await co];
    },
  },
  {
    name: "awaiting a coroutine that raises rejects with a PythonError of its type",
    run: async (c) => {
      const co = c.run("async def asyncio_bad():\n    raise KeyError('asyncio k')\nasyncio_bad()");
      try {
        await co;
        return "resolved";
      } catch (e) {
        return errorData(e, c);
      }
    },
  },
  {
    name: "then() on a PyAwaitable passes the result to its callback",
    run: async (c) => {
      const co = c.run("async def asyncio_four():\n    return 4\nasyncio_four()");
      return await co.then((v: number) => v * 2);
    },
  },
  {
    name: "catch() on a PyAwaitable receives the PythonError",
    run: async (c) => {
      const co = c.run("async def asyncio_bad():\n    raise ValueError('asyncio v')\nasyncio_bad()");
      return await co.catch((e: any) => errorData(e, c));
    },
  },
  {
    name: "finally() on a PyAwaitable runs and keeps the result",
    run: async (c) => {
      let ran = false;
      const co = c.run("async def asyncio_two():\n    return 2\nasyncio_two()");
      const v = await co.finally(() => { ran = true; });
      return [v, ran];
    },
  },
  {
    name: "finally() on a failing PyAwaitable runs and the rejection stays",
    run: async (c) => {
      let ran = false;
      const co = c.run("async def asyncio_bad():\n    raise ValueError('asyncio f')\nasyncio_bad()");
      try {
        await co.finally(() => { ran = true; });
        return ["resolved", ran];
      } catch (e) {
        return [errorData(e, c), ran];
      }
    },
  },
  {
    name: "a Task made by ensure_future in runPython is awaitable from JS",
    run: async (c) => {
      const t = c.run(py(`
        import asyncio
        async def asyncio_task_body():
            await asyncio.sleep(0)
            return "asyncio task"
        asyncio_task = asyncio.ensure_future(asyncio_task_body())
        asyncio_task
      `));
      const isTask = c.run("isinstance(asyncio_task, asyncio.Task)");
      return [isTask, t instanceof c.ffi.PyAwaitable, await t];
    },
  },
  {
    name: "a Future resolved later by Python resolves the JS await",
    run: async (c) => {
      const fut = c.run("import asyncio\nasyncio_fut = asyncio.get_event_loop().create_future()\nasyncio_fut");
      const isFuture = c.run("isinstance(asyncio_fut, asyncio.Future)");
      setTimeout(() => c.run("asyncio_fut.set_result('asyncio set')"), 5);
      return [isFuture, fut instanceof c.ffi.PyAwaitable, await fut];
    },
  },
  {
    name: "a cancelled Task awaited from JS rejects with CancelledError",
    run: async (c) => {
      const t = c.run(py(`
        import asyncio
        async def asyncio_forever():
            await asyncio.sleep(100)
        asyncio_task = asyncio.ensure_future(asyncio_forever())
        asyncio_task
      `));
      c.run("asyncio_task.cancel()");
      try {
        await t;
        return "resolved";
      } catch (e) {
        return errorData(e, c);
      }
    },
  },

  // ---------------------------------------------------------------------------------------------
  // async def called from JS
  // ---------------------------------------------------------------------------------------------
  {
    name: "calling an async def from JS gives a PyAwaitable that resolves with its result",
    run: async (c) => {
      const f = c.run("async def asyncio_add(a, b):\n    return a + b\nasyncio_add");
      try {
        const p = f(2, 3);
        return [p instanceof c.ffi.PyAwaitable, await p];
      } finally {
        f.destroy();
      }
    },
  },
  {
    name: "calling an async def from JS starts it even if the result is never awaited",
    run: async (c) => {
      c.run("asyncio_log = []\nasync def asyncio_logged(n):\n    asyncio_log.append(n)");
      const f = c.py.globals.get("asyncio_logged");
      try {
        f(3);
        await until(() => c.run("len(asyncio_log)") > 0);
        return c.run("repr(asyncio_log)");
      } finally {
        f.destroy();
      }
    },
  },
  {
    name: "a plain function that returns a coroutine does not get it scheduled when called from JS",
    run: async (c) => {
      c.run(py(`
        asyncio_log = []
        async def asyncio_logged(n):
            asyncio_log.append(n)
        def asyncio_plain(n):
            return asyncio_logged(n)
      `));
      const g = c.py.globals.get("asyncio_plain");
      try {
        const co = g(5);
        // A coroutine Python schedules itself, as the yardstick: once it has run, the event loop
        // has had its turns.
        c.run("import asyncio\nasyncio.ensure_future(asyncio_logged(3))");
        await until(() => c.run("len(asyncio_log)") > 0);
        for (let i = 0; i < 5; i++) await turn();
        const log = c.run("repr(asyncio_log)");
        co.close();
        co.destroy();
        return log;
      } finally {
        g.destroy();
      }
    },
  },
  {
    name: "an async def that returns a coroutine, called from JS, gets the returned coroutine run too",
    run: async (c) => {
      c.run(py(`
        asyncio_log = []
        async def asyncio_logged(n):
            asyncio_log.append(n)
        async def asyncio_outer(n):
            return asyncio_logged(n)
      `));
      const h = c.py.globals.get("asyncio_outer");
      try {
        h(6);
        await until(() => c.run("len(asyncio_log)") > 0);
        return c.run("repr(asyncio_log)");
      } finally {
        h.destroy();
      }
    },
  },
  {
    name: "a JS object passed to an async JS function stays alive until the promise settles",
    run: (c) =>
      withGlobalsAsync(
        c,
        {
          asyncio_len_later: async (x: any) => {
            await new Promise((r) => setTimeout(r, 5));
            return x.length;
          },
        },
        `
        from js import asyncio_len_later
        await asyncio_len_later([1, 2, 3])
        `,
      ),
  },
  {
    name: "a borrowed argument kept by an async JS function is destroyed once its promise settles",
    run: async (c) => {
      let kept: any;
      (globalThis as any).asyncio_keep = async (x: any) => {
        await null;
        kept = x;
        return x.length;
      };
      try {
        const n = await c.runAsync("from js import asyncio_keep\nawait asyncio_keep([1, 2, 3])");
        try {
          return [n, "still alive", kept.length];
        } catch (e: any) {
          // The first line only: the setDebug hint that follows has its own case (api).
          return [n, e.constructor.name, e.message.split("\n")[0]];
        }
      } finally {
        delete (globalThis as any).asyncio_keep;
      }
    },
  },

  // ---------------------------------------------------------------------------------------------
  // asyncio itself
  // ---------------------------------------------------------------------------------------------
  {
    name: "asyncio.sleep resumes in order of the delays",
    run: (c) =>
      c.runAsync(py(`
        import asyncio
        asyncio_order = []
        async def asyncio_sleeper(name, delay):
            await asyncio.sleep(delay)
            asyncio_order.append(name)
        await asyncio.gather(asyncio_sleeper("slow", 0.03), asyncio_sleeper("fast", 0.01))
        repr(asyncio_order)
      `)),
  },
  {
    name: "asyncio.gather returns results in argument order",
    run: (c) =>
      c.runAsync(py(`
        import asyncio
        async def asyncio_after(v, delay):
            await asyncio.sleep(delay)
            return v
        repr(await asyncio.gather(asyncio_after("a", 0.02), asyncio_after("b", 0), asyncio_after("c", 0.01)))
      `)),
  },
  {
    name: "asyncio.gather accepts JS promises next to coroutines",
    run: (c) =>
      withGlobalsAsync(c, { asyncio_double: async (x: number) => x * 2 }, `
        import asyncio, js
        from js import asyncio_double
        async def asyncio_one():
            return 1
        repr(await asyncio.gather(asyncio_one(), asyncio_double(4), js.Promise.resolve(9)))
      `),
  },
  {
    name: "asyncio.gather with return_exceptions keeps a rejected promise's JsException",
    run: (c) =>
      // The promise rejects after a delay: one that rejects before gather attaches its handlers is
      // another matter (see the asyncio.Future case).
      withGlobalsAsync(c, { asyncio_fail: () => new Promise((_, reject) => setTimeout(() => reject(new TypeError("asyncio gathered")), 5)) }, `
        import asyncio
        from js import asyncio_fail
        async def asyncio_one():
            return 1
        asyncio_res = await asyncio.gather(asyncio_one(), asyncio_fail(), return_exceptions=True)
        repr([asyncio_res[0], type(asyncio_res[1]).__name__, str(asyncio_res[1])])
      `),
  },
  {
    name: "create_task runs concurrently with the coroutine that created it",
    run: (c) =>
      c.runAsync(py(`
        import asyncio
        asyncio_events = []
        async def asyncio_worker():
            asyncio_events.append("worker start")
            await asyncio.sleep(0.01)
            asyncio_events.append("worker end")
            return "asyncio worked"
        asyncio_t = asyncio.create_task(asyncio_worker())
        asyncio_events.append("created")
        await asyncio.sleep(0)
        asyncio_events.append("after yield")
        asyncio_events.append(await asyncio_t)
        repr(asyncio_events)
      `)),
  },
  {
    name: "loop.call_soon and call_later run callbacks in order",
    run: (c) =>
      c.runAsync(py(`
        import asyncio
        asyncio_calls = []
        asyncio_loop = asyncio.get_event_loop()
        asyncio_loop.call_later(0.02, asyncio_calls.append, "later")
        asyncio_loop.call_soon(asyncio_calls.append, "soon")
        await asyncio.sleep(0.05)
        repr(asyncio_calls)
      `)),
  },
  {
    name: "an asyncio.Event set by a JS timer callback wakes the waiting coroutine",
    run: (c) =>
      c.runAsync(py(`
        import asyncio, js
        from pyodide.ffi import create_once_callable
        asyncio_event = asyncio.Event()
        js.setTimeout(create_once_callable(lambda: asyncio_event.set()), 5)
        await asyncio_event.wait()
        asyncio_event.is_set()
      `)),
  },

  // ---------------------------------------------------------------------------------------------
  // Async iteration both ways
  // ---------------------------------------------------------------------------------------------
  {
    name: "async for in Python iterates a JS async generator",
    run: (c) =>
      withGlobalsAsync(
        c,
        {
          asyncio_agen: async function* () {
            yield 1;
            await new Promise((r) => setTimeout(r, 1));
            yield 2;
          },
        },
        `
        from js import asyncio_agen
        repr([x async for x in asyncio_agen()])
        `,
      ),
  },
  {
    name: "async for in Python iterates a JS object with Symbol.asyncIterator",
    run: (c) =>
      withGlobalsAsync(
        c,
        {
          asyncio_aiterable: {
            [Symbol.asyncIterator]() {
              let i = 0;
              return { next: async () => (i < 3 ? { done: false, value: i++ } : { done: true, value: undefined }) };
            },
          },
        },
        `
        from js import asyncio_aiterable
        asyncio_seen = []
        async for x in asyncio_aiterable:
            asyncio_seen.append(x)
        repr(asyncio_seen)
        `,
      ),
  },
  {
    name: "anext() on a JS async generator gives its values and then StopAsyncIteration",
    run: (c) =>
      withGlobalsAsync(c, { asyncio_agen: async function* () { yield "only"; } }, `
        from js import asyncio_agen
        asyncio_it = asyncio_agen()
        asyncio_first = await anext(asyncio_it)
        try:
            await anext(asyncio_it)
            asyncio_r = "no exception"
        except StopAsyncIteration:
            asyncio_r = "StopAsyncIteration"
        repr([asyncio_first, asyncio_r])
      `),
  },
  {
    name: "a Python async generator PyProxy has the async generator classes",
    run: (c) => c.run("async def asyncio_agen():\n    yield 1\nasyncio_agen()"),
  },
  {
    name: "for await in JS iterates a Python async generator",
    run: async (c) => {
      const g = c.run(py(`
        import asyncio
        async def asyncio_agen():
            for i in range(3):
                await asyncio.sleep(0)
                yield i * i
        asyncio_agen()
      `));
      const out: unknown[] = [];
      for await (const x of g) out.push(x);
      return out;
    },
  },
  {
    name: "for await in JS iterates a Python object with __aiter__ and __anext__",
    run: async (c) => {
      const it = c.run(py(`
        class AsyncioCountdown:
            def __init__(self, n):
                self.n = n
            def __aiter__(self):
                return self
            async def __anext__(self):
                if self.n == 0:
                    raise StopAsyncIteration
                self.n -= 1
                return self.n
        AsyncioCountdown(3)
      `));
      const out: unknown[] = [];
      try {
        for await (const x of it) out.push(x);
        return out;
      } finally {
        it.destroy();
      }
    },
  },
  {
    name: "next(value) on a Python async generator sends the value in",
    run: async (c) => {
      const g = c.run(py(`
        async def asyncio_echo():
            got = yield "ready"
            yield "got " + str(got)
        asyncio_echo()
      `));
      const a = await g.next();
      const b = await g.next("asyncio sent");
      const end = await g.next();
      return [a, b, end];
    },
  },
  {
    name: "return() on a Python async generator finishes it",
    run: async (c) => {
      const g = c.run("async def asyncio_agen():\n    yield 1\n    yield 2\nasyncio_agen()");
      const a = await g.next();
      const r = await g.return("asyncio stop");
      const after = await g.next();
      return [a, r, after];
    },
  },
  {
    name: "throw() on a Python async generator raises inside it",
    run: async (c) => {
      const g = c.run(py(`
        async def asyncio_agen():
            try:
                yield 1
            except Exception as e:
                yield "caught " + type(e).__name__ + " " + str(e)
        asyncio_agen()
      `));
      await g.next();
      return await g.throw(new TypeError("asyncio into agen"));
    },
  },
];
