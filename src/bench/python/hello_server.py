"""The coroutines lesson's step C7 server, as the chapter's Python server is written for today's aiohttp.

Routes "/" and "/hello/{name}", each answered after DELAY_MS (the lesson's is 500), the name
HTML-escaped. `python3 hello_server.py DELAY_MS` serves on 127.0.0.1 on a port the system picks,
prints "listening on PORT" and serves until it is killed. The load benchmark compares it with
src/bench/java/HelloLoadServer.java; it needs Debian's python3-aiohttp, so run it with /usr/bin/python3.
"""
import asyncio
import html
import sys

from aiohttp import web

# Same queue of connections waiting to be accepted as the Java server (see BACKLOG there).
BACKLOG = 4096


def page(safe_name):
    return f"<h1>hello, {safe_name}!</h1>"


async def serve(delay):
    async def respond(text):
        if delay > 0:  # like the Java server: no sleep at all for 0
            await asyncio.sleep(delay)  # only this request's coroutine waits
        return web.Response(text=text, content_type="text/html")

    async def index(request):
        return await respond("<h1>Index</h1>")

    async def hello(request):
        # match_info holds the decoded path segment, like getPath() in Java.
        return await respond(page(html.escape(request.match_info["name"])))

    app = web.Application()
    app.add_routes([web.get("/", index), web.get("/hello/{name}", hello)])
    # No access log: the Java server writes none either, and a line per request would cost time.
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    # Port 0: the system picks a free port. run_app() would print port 0, not the one picked.
    site = web.TCPSite(runner, "127.0.0.1", 0, backlog=BACKLOG)
    await site.start()
    print(f"listening on {runner.addresses[0][1]}", flush=True)
    await asyncio.Event().wait()  # serve until killed


if __name__ == "__main__":
    asyncio.run(serve(int(sys.argv[1]) / 1000))
