# Uses the pyscript stubs (fetch, when/Event, display/HTML, web, config); pyright must find no
# error, and the runtime runs this file too. Nothing here needs a page: the DOM parts are
# defined, not called.
import pyscript
from pyscript import HTML, Event, config, current_target, display, fetch, when, web
from pyscript.fetch import FetchRequest, FetchResponse

assert config["type"] == "py"
assert current_target() is None
assert pyscript.RUNNING_IN_WORKER is False

heard: list[int] = []
loaded = Event()


@when(loaded)
def on_loaded(result: int) -> None:
    heard.append(result)


loaded.trigger(3)
assert heard == [3]


async def read_table(url: str) -> str:
    request: FetchRequest = fetch(url, method="GET", headers={"accept": "text/csv"})
    response: FetchResponse = await request
    if not response.ok:
        return ""
    return await response.text()


def render_board(title: str) -> None:
    board = web.div(web.h2(title), id="board", classes=["panel"], style={"padding": "1em"})
    board.classes.add("ready")
    board.style["color"] = "red"
    web.page.body.append(board)
    tasks = web.page.find(".task")
    tasks.update_all(title="a task")
    display(HTML("<b>ready</b>"), target="board", append=False)
