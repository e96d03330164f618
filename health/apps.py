from django.apps import AppConfig


class HealthConfig(AppConfig):
    """Liveness and readiness endpoints for load balancers and monitoring."""

    name = "health"
    verbose_name = "Health checks"
