using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CleanRag.Api.Errors;

/// <summary>
/// Kestrel answers some requests itself, before any middleware runs: a request line it cannot parse (a NUL in the
/// path), a malformed Host header, headers that are too large. Those answers have no body, and Kestrel has no hook
/// to give them one (its maintainers: "this category of errors is not customisable"). This connection middleware
/// gives them the API's error shape: what Kestrel flushes at once is rewritten only when it is exactly a 4xx status
/// line and headers with no body that close the connection — which the API's own error responses, all with a JSON
/// body, never are. Plain HTTP/1.1 only: behind
/// TLS terminated by Kestrel itself the bytes are encrypted at this point and pass through unchanged.
/// </summary>
internal static class KestrelRejectionShaping
{
    public static void UseErrorShapeForRejections(this ListenOptions listen) =>
        listen.Use(next => async connection =>
        {
            var transport = connection.Transport;
            connection.Transport = new DuplexPipe(transport.Input, new RejectionShapingWriter(transport.Output));
            try
            {
                await next(connection);
            }
            finally
            {
                connection.Transport = transport;
            }
        });

    private sealed record DuplexPipe(PipeReader Input, PipeWriter Output) : IDuplexPipe;

    /// <summary>
    /// The error body for a status Kestrel produced itself. It has no trace id: Kestrel rejects these requests before an
    /// HttpContext (and its activity) exists, and the request log never sees them.
    /// </summary>
    internal static ErrorResponse ErrorFor(int status) => status switch
    {
        411 => new ErrorResponse("A request body needs a Content-Length or chunked transfer encoding.", "length_required", 411),
        413 => new ErrorResponse("The request body is too large.", "payload_too_large", 413),
        414 => new ErrorResponse("The request URL is too long.", "uri_too_long", 414),
        431 => new ErrorResponse("The request headers are too large.", "request_headers_too_large", 431),
        _ => new ErrorResponse("The request is malformed (request line, path or headers) and could not be read.", "malformed_request", status),
    };

    /// <summary>
    /// Collects what Kestrel writes between flushes in buffers of its own (with a pipe's rules: memory once handed out
    /// stays where it is), and at each flush hands it on, rewritten when it is a bodiless rejection. The copy costs a
    /// memory-speed pass over the response bytes; it keeps Kestrel's writes independent of the transport's buffers.
    /// </summary>
    internal sealed class RejectionShapingWriter(PipeWriter inner) : PipeWriter
    {
        private const int SegmentSize = 4096;

        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };

        /// <summary>Unflushed bytes are [Start, End) of each segment; the last one may still be written to past End.</summary>
        private readonly List<Segment> _segments = [];

        private sealed class Segment(byte[] array)
        {
            public byte[] Array { get; } = array;
            public int Start { get; set; }
            public int End { get; set; }
        }

        public override Memory<byte> GetMemory(int sizeHint = 0)
        {
            var needed = Math.Max(sizeHint, 1);
            if (_segments.Count == 0 || _segments[^1].Array.Length - _segments[^1].End < needed)
                _segments.Add(new Segment(ArrayPool<byte>.Shared.Rent(Math.Max(needed, SegmentSize))));
            var current = _segments[^1];
            return current.Array.AsMemory(current.End);
        }

        public override Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public override void Advance(int bytes) => _segments[^1].End += bytes;

        public override async ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
        {
            HandOn();
            return await inner.FlushAsync(cancellationToken);
        }

        public override void CancelPendingFlush() => inner.CancelPendingFlush();

        public override void Complete(Exception? exception = null)
        {
            HandOn();
            ReleaseSegments();
            inner.Complete(exception);
        }

        public override async ValueTask CompleteAsync(Exception? exception = null)
        {
            HandOn();
            ReleaseSegments();
            await inner.CompleteAsync(exception);
        }

        private void ReleaseSegments()
        {
            foreach (var segment in _segments)
                ArrayPool<byte>.Shared.Return(segment.Array);
            _segments.Clear();
        }

        public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

        public override long UnflushedBytes => inner.UnflushedBytes + _segments.Sum(s => (long)(s.End - s.Start));

        /// <summary>Writes the unflushed bytes to the transport and keeps only the segment still being written to.</summary>
        private void HandOn()
        {
            if (_segments is [var only] && only.End - only.Start is var length and < SegmentSize
                && TryShape(only.Array.AsSpan(only.Start, length)) is { } shaped)
            {
                inner.Write(shaped);
            }
            else
            {
                foreach (var segment in _segments)
                    inner.Write(segment.Array.AsSpan(segment.Start, segment.End - segment.Start));
            }

            for (var i = 0; i < _segments.Count - 1; i++)
                ArrayPool<byte>.Shared.Return(_segments[i].Array);
            if (_segments.Count > 1)
                _segments.RemoveRange(0, _segments.Count - 1);
            if (_segments is [var last])
                last.Start = last.End;
        }

        /// <summary>The response with a JSON error body, when <paramref name="response"/> is a bodiless rejection.</summary>
        internal static byte[]? TryShape(ReadOnlySpan<byte> response)
        {
            if (!response.StartsWith("HTTP/1.1 4"u8))
                return null;
            var headerEnd = response.IndexOf("\r\n\r\n"u8);
            if (headerEnd < 0 || headerEnd + 4 != response.Length)
                return null; // a body follows: the application's own response
            var head = Encoding.ASCII.GetString(response[..(headerEnd + 2)]);
            if (!head.Contains("\r\nContent-Length: 0\r\n", StringComparison.OrdinalIgnoreCase)
                || !head.Contains("\r\nConnection: close\r\n", StringComparison.OrdinalIgnoreCase)
                || !int.TryParse(head.AsSpan(9, 3), out var status))
                return null;
            var body = JsonSerializer.SerializeToUtf8Bytes(ErrorFor(status), Json);
            var headers = head.Replace("Content-Length: 0\r\n",
                $"Content-Type: application/json; charset=utf-8\r\nContent-Length: {body.Length}\r\n", StringComparison.OrdinalIgnoreCase);
            return [.. Encoding.ASCII.GetBytes(headers + "\r\n"), .. body];
        }
    }
}
