from wagtail import hooks

from search import admin

hooks.register("register_admin_urls", admin.admin_urls)
hooks.register("register_reports_menu_item", admin.menu_item)
