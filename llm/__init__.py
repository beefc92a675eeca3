"""The local LLM service: model registry, one model per slot, budgeted channels for sandboxed seeds, cache.

How the pieces fit (trusted side ▸ untrusted side)::

    broker = Broker.start(DEFAULT_MODEL, slot=Slot.cpu(2), cache_path=run_dir / "cache" / "llm.sqlite")
    session = broker.open_session(label=seed_id, token_budget=4000, deadline_s=60.0, rng_seed=run_seed)
    proc = subprocess.Popen([... sandbox ..., "--llm-fd", str(session.client_fd())],
                            pass_fds=(session.client_fd(),))
    session.close_client_end()          # the sandbox holds the only copy now
    # inside the sandbox:
    #     llm = LLMChannel.from_fd(fd)
    #     llm.chat([{"role": "user", "content": "..."}], temperature=0.0, max_tokens=256)
    proc.wait()
    usage = session.usage()             # Usage(calls, prompt_tokens, completion_tokens, seconds, cache_hits)
    session.close()
    broker.stats()                      # ServiceStats(..., busy_seconds, uptime_seconds, restarts, ...)
    broker.close()

* ``LLMChannel`` (``llm.channel``) is what a seed's ``llm`` argument is. It imports only the standard
  library, ``wire`` and ``errors`` — never ``llama_cpp`` — and speaks length-prefixed JSON frames over the
  inherited ``AF_UNIX`` socket: no network, no pickle. Its failures are ``LLMError`` subclasses
  (``BudgetExhausted``, ``DeadlineExceeded``, ``BadRequest``/``PromptTooLong``, ``ServiceError``).
* ``Broker``/``Session`` (``llm.broker``) enforce the token budget and the deadline, answer
  deterministic requests (temperature 0 or an explicit seed) from the SQLite completion cache, queue the rest
  round-robin across sessions onto one backend, and account every call to its session.
* The backend is a model process (``llm.server``, restarted if it dies) or an OpenAI-compatible
  endpoint. Models come from ``MODELS`` (``llm.models``), assembled once by ``llm.assemble``.

This module imports nothing heavy; import the submodules you need.
"""
