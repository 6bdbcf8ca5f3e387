from django.contrib.auth.backends import ModelBackend

from portal.models import User


class CpfOrEmailBackend(ModelBackend):
    """Sign in with a CPF (any common format) or an e-mail address, plus the password."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        user = User.objects.find_for_login(username)
        if user is None:
            # Spend the same time hashing as for a real user, so response time
            # does not tell whether an account exists.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
