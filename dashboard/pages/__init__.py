"""One module per page: ``layout(registry, run, params)`` builds it, ``register(app, registry)`` wires it."""
