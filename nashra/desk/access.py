"""Who may open the planning desk (#14)."""

from nashra.desk import plan


def may_use_desk(user):
    """Editors and the chief editor: the desk shows everyone's drafts."""
    return user.is_active and (user.is_superuser or plan.editable_roots(user) != [])
