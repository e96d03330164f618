from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """
    Staff sign-in, hardened: two-factor authentication for every staff account,
    lockout after repeated failures (django-axes), and sessions that end.
    """

    name = "accounts"
    verbose_name = "Staff accounts"

    def ready(self):
        from axes.signals import user_locked_out

        from django.contrib.auth.signals import user_logged_in

        from accounts.sessions import note_sign_in_time, report_lockout

        user_logged_in.connect(note_sign_in_time, dispatch_uid="accounts.note_sign_in_time")
        user_locked_out.connect(report_lockout, dispatch_uid="accounts.report_lockout")
