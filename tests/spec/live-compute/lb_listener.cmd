# Listeners from AWS Config: HTTPS with a TLS 1.3 policy, an HTTP redirect, and HTTPS with an old policy.
# args: evaluate inputs/lb_listener.json
