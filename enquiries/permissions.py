"""Who may do what with enquiries; registered with Wagtail in ``EnquiriesConfig.ready``."""

from wagtail.permission_policies import ModelPermissionPolicy


class EnquiryPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that enquiries only ever come from patients: nobody may add one."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])
