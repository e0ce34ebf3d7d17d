// `npm start`: runs a small Python program through the package and prints what it does.
import { loadPython } from "../dist/index.js";

const started = performance.now();
const py = await loadPython({ stdout: (line) => console.log(`[python] ${line}`) });
console.log(`Python ready in ${Math.round(performance.now() - started)} ms`);

py.FS.writeFile("/home/user/greet.py", "def greet(name):\n    return f'Hello, {name}!'\n");
py.runPython(`
import js, json, os
from greet import greet
print(greet("JavaScript"))
print("Math.max from Python:", js.Math.max(3, 9))
with open("data.json", "w") as f:
    json.dump({"files": os.listdir(".")}, f)
`);
console.log("JS reads what Python wrote:", py.FS.readFile("/home/user/data.json", { encoding: "utf8" }));
const add = py.runPython("lambda a, b: a + b");
console.log("A Python lambda called from JS:", add(2, 40));
add.destroy();
console.log("Async:", await py.runPythonAsync("import asyncio\nawait asyncio.sleep(0.01)\n'awaited'"));
