using CleanRag.Application.Common.Exceptions;

namespace CleanRag.Application.Webhooks;

/// <summary>A webhook URL points at an address CleanRag refuses to call (server-side request forgery guard).</summary>
public sealed class UnsafeUrlException(string reason) : ApplicationErrorException("unsafe_url", $"The webhook URL is not allowed: {reason}");
