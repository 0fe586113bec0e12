"""Datasette plugin copied into a published folder: /robots.txt blocks crawlers unless
the publisher opted in (plugin setting ``news-archive-robots: {allow: true}``)."""

from datasette import hookimpl
from datasette.utils.asgi import Response


async def robots_txt(datasette):
    allow = (datasette.plugin_config("news-archive-robots") or {}).get("allow", False)
    return Response.text("User-agent: *\n" + ("Allow: /\n" if allow else "Disallow: /\n"))


@hookimpl
def register_routes():
    return [(r"^/robots\.txt$", robots_txt)]
