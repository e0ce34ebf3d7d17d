// The playground page: an editor, a Run button (or Ctrl/Cmd+Enter), the output of each run
// (stdout, stderr, the repr of the last expression, a Python traceback on error) and the live
// proxy counts after it. Runs on the main thread: a run that never ends hangs the page.
import { loadPython } from "/dist/index.js";

const code = document.getElementById("code");
const runButton = document.getElementById("run");
const output = document.getElementById("output");
const status = document.getElementById("status");

function setStatus(state, text) {
  status.dataset.state = state;
  status.textContent = text;
}

function append(kind, text) {
  const line = document.createElement("span");
  line.className = kind;
  line.textContent = text.endsWith("\n") ? text : `${text}\n`;
  output.append(line);
  output.scrollTop = output.scrollHeight;
}

// Runs the source in `__main__` (so names persist between runs) with top-level await, and
// hands back [ok, text]: the repr of the last expression (null for None) or the traceback,
// formatted in Python so that it starts at the user's code, not at this helper.
const RUNNER = `
import ast, sys, traceback
from pyodide.code import CodeRunner
from pyodide.ffi import to_js

async def run(source, namespace):
    try:
        runner = CodeRunner(source, filename="<playground>", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
        value = await runner.compile().run_async(namespace)
    except BaseException as e:
        tb = e.__traceback__
        while tb is not None and tb.tb_frame.f_code.co_filename != "<playground>":
            tb = tb.tb_next
        return to_js([False, "".join(traceback.format_exception(type(e), e, tb))])
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
    return to_js([True, None if value is None else repr(value)])

run
`;

function showStats(py) {
  const stats = py.stats();
  for (const cell of document.querySelectorAll("#stats [data-stat]")) {
    cell.textContent = String(stats[cell.dataset.stat]);
  }
}

async function start() {
  const py = await loadPython({
    stdout: (line) => append("stdout", line),
    stderr: (line) => append("stderr", line),
  });
  const run = py.runPython(RUNNER, { globals: py.toPy({}), filename: "<playground-runner>" });
  let running = false;

  async function runCode() {
    if (running) return;
    running = true;
    runButton.disabled = true;
    setStatus("running", "Running…");
    append("run", `>>> run ${new Date().toLocaleTimeString()}`);
    try {
      const [ok, text] = await run(code.value, py.globals);
      if (!ok) append("error", text);
      else if (text != null) append("result", text); // None: nothing, as in the REPL
    } catch (e) {
      append("error", String(e?.message ?? e));
    } finally {
      running = false;
      runButton.disabled = false;
      setStatus("ready", "Ready");
      showStats(py);
    }
  }

  runButton.addEventListener("click", runCode);
  code.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      runCode();
    } else if (event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // Indentation, not focus: four spaces at the cursor (Python's convention).
      event.preventDefault();
      code.setRangeText("    ", code.selectionStart, code.selectionEnd, "end");
    }
  });
  runButton.disabled = false;
  setStatus("ready", "Ready");
  showStats(py);
}

document.getElementById("clear").addEventListener("click", () => output.replaceChildren());
start().catch((e) => {
  setStatus("failed", "Python failed to load");
  append("error", String(e?.stack ?? e));
});
