from django.core.management.base import BaseCommand

from nashra.newsroom.roles import describe, roles


class Command(BaseCommand):
    help = "Print the newsroom's roles and what each may do, as the site has them now."

    def handle(self, *args, **options):
        found = roles()
        if not found:
            self.stdout.write(
                "No roles: run `nashra migrate`.\nلا أدوار بعد: شغّل `nashra migrate`."
            )
            return
        for role in found:
            self.stdout.write(self._block(describe(role)))

    def _block(self, role):
        where = f" [section / القسم: {role['section']}]" if role["section"] else ""
        lines = [
            f"{role['name']} ({role['key']}){where}"
            f" — members / الأعضاء: {role['members']}",
        ]
        for title, actions in role["pages"]:
            lines.append(f"  pages / الصفحات «{title}»: {', '.join(actions)}")
        for name, codenames in role["collections"]:
            lines.append(f"  media / الوسائط «{name}»: {', '.join(codenames)}")
        if role["approves"]:
            lines.append("  approves in a workflow / يوافق في مسار مراجعة")
        models = ", ".join(role["models"]) or "-"
        if role["all_models"]:
            # The chief editor's "everything": a list of 300 says less.
            models = f"all / الكل ({len(role['models'])})"
        lines.append(f"  permissions / الصلاحيات: {models}")
        return "\n".join(lines) + "\n"
