"""Serves the reading pages' own CSS and JS from plugins/static/ at /-/reading/<file>.

Datasette serves static files only for installed plugins; this keeps ours in the repository.
"""

from pathlib import Path

from datasette import Response, hookimpl
from datasette.utils.asgi import NotFound

STATIC = Path(__file__).resolve().parent / "static"
TYPES = {"css": "text/css; charset=utf-8", "js": "text/javascript; charset=utf-8"}


async def serve(request):
    name, extension = request.url_vars["name"], request.url_vars["ext"]
    path = STATIC / f"{name}.{extension}"
    if not path.is_file():
        raise NotFound(f"No such file: {name}.{extension}")
    return Response(path.read_text(encoding="utf-8"), content_type=TYPES[extension],
                    headers={"Cache-Control": "max-age=300"})


@hookimpl
def register_routes():
    # The name pattern allows no dots or slashes, so nothing outside STATIC can be read.
    return [(r"^/-/reading/(?P<name>[a-z0-9-]+)\.(?P<ext>css|js)$", serve)]
