from django.conf import settings

from helpcenter.page_cache import contrast_choice
from portal.navigation import LANGUAGE_MENU, SIDEBAR, current_section


def shell(request):
    """What base.html needs on every page: the organisation's details and the sidebar."""
    return {
        "portal": {
            "brand": settings.PORTAL_BRAND,
            "owner": settings.PORTAL_OWNER,
            "address": settings.PORTAL_ADDRESS,
            "solutions_url": settings.PORTAL_SOLUTIONS_URL,
            "institutional_url": settings.PORTAL_INSTITUTIONAL_URL,
        },
        "sidebar": SIDEBAR,
        # What base.html's kept pieces ({% keep %}) vary with besides the language: the sidebar
        # marks the item whose path is ``sidebar_section``.
        "sidebar_section": current_section(request.path),
        "high_contrast": contrast_choice(request),
        "language_menu": LANGUAGE_MENU,
        # What the login pages tell, from the settings that enforce it.
        "lockout_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "reset_link_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }
