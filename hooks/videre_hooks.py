"""MkDocs' events, forwarded to videre.mkdocs.adapter.VidereBuild: the build's state and the order of its steps
(load, plan, generate, index, serve updates) are there. No logic here."""

from __future__ import annotations

from videre.mkdocs.adapter import VidereBuild

build = VidereBuild()
"""One per loaded config: a build, or a `mkdocs serve` session with its rebuilds."""


def on_startup(command, dirty):
    build.start(command)


def on_pre_build(config):
    build.begin()


def on_config(config):
    return build.configure(config)


def on_files(files, config):
    build.load()
    return build.plan(files, config)


def on_nav(nav, config, files):
    return build.navigation(nav)


def on_env(env, config, files):
    return build.generate(env, config, files)


def on_page_markdown(markdown, page, config, files):
    return build.page_markdown(markdown, page)


def on_post_page(output, page, config):
    return build.post_page(output, page)


def on_post_template(output_content, template_name, config):
    return build.post_template(output_content, template_name)


def on_post_build(config):
    build.finish(config)
    build.index(config)


def on_build_error(error):
    build.cancel()


def on_serve(server, config, builder):
    return build.serve(server, builder)
