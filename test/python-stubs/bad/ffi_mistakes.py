# Each line marked `# error` must be a pyright error (and no other line may be): the stubs
# reject what the runtime would reject.
from pyodide.ffi import create_proxy, to_js
from pyscript.ffi import to_js as pyscript_to_js

to_js([1], dict_convertr=None)  # error: a misspelt keyword of to_js
to_js([1], depth="all")  # error: depth is an int
create_proxy(print, capture_ths=True)  # error: a misspelt keyword of create_proxy
pyscript_to_js({}, dept=1)  # error: a misspelt keyword of pyscript's to_js
from pyodide.ffi import no_such_name  # error: not in pyodide.ffi
