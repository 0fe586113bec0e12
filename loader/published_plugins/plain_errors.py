"""Errors answered in milliseconds, the same whatever is installed beside Datasette.

Datasette 0.65's own handler prints a traceback with every local variable when
``rich`` is importable (250 ms and kilobytes of log per error; a 404 turned into a 500).
This handler replaces it: the status of the error, its message as JSON or through the
error template, one log line for a 500, never a traceback for a client's mistake."""

from __future__ import annotations

import sys

from datasette import Response, hookimpl
from datasette.plugins import pm
from datasette.utils import add_cors_headers
from datasette.utils.asgi import Base400
from datasette.views.base import DatasetteError
from markupsafe import Markup

# Datasette calls every handle_exception hook; its default one would still print.
for _plugin in [p for name, p in pm.list_name_plugin() if name == "datasette.handle_exception"]:
    pm.unregister(_plugin)


@hookimpl
def handle_exception(datasette, request, exception):
    async def inner():
        title = None
        if isinstance(exception, Base400):
            status, info, message = exception.status, {}, exception.args[0] if exception.args else ""
        elif isinstance(exception, DatasetteError):
            status, info, message, title = exception.status, dict(exception.error_dict or {}), exception.message, exception.title
            if exception.message_is_html:
                message = Markup(message)
        else:
            status, info, message = 500, {}, "internal error"
            print(f"500 {request.path}: {type(exception).__name__}: {exception}", file=sys.stderr, flush=True)
        info.update({"ok": False, "error": message, "status": status, "title": title})
        headers = {}
        if datasette.cors:
            add_cors_headers(headers)
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status, headers=headers)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        return Response.html(await template.render_async(dict(info, urls=datasette.urls, app_css_hash=datasette.app_css_hash(),
                                                               menu_links=lambda: [])), status=status, headers=headers)

    return inner
