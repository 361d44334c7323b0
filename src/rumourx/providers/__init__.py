"""Model providers: the OpenAI-compatible client and the embedded local server."""
