from wagtail import hooks
from wagtail.permissions import register_permission_policy

from enquiries.models import Enquiry
from enquiries.viewsets import EnquiryPermissionPolicy, EnquiryViewSet

register_permission_policy(Enquiry, EnquiryPermissionPolicy(Enquiry))


@hooks.register("register_admin_viewset")
def register_enquiry_viewset():
    return EnquiryViewSet()
