# Each line marked `# error` must be a pyright error with the stubs (and nothing else may be).
from pyscript import display, fetch, web, when

display("x", targt="out")  # error
fetch(42)  # error
when("click", "#b", onse=True)  # error
web.page.find(3)  # error
web.div().classes.add(["a"])  # error
