using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace CleanRag.Api.Tests.Errors;

/// <summary>
/// Errors answered before any endpoint runs — by Kestrel's parser, or for a body that is too large — also have the
/// error shape. These run against a real Kestrel socket: the in-memory test server has no HTTP parser.
/// </summary>
public class TransportErrorTests
{
    private CleanRagApiFactory _kestrel = null!;
    private Uri _address = null!;

    [OneTimeSetUp]
    public void StartKestrel()
    {
        _kestrel = CleanRagApiFactory.HttpOnly(builder => builder.UseSetting("Documents:MaxFileBytes", "100000"));
        _kestrel.UseKestrel(0);
        _kestrel.StartServer();
        _address = _kestrel.CreateClient().BaseAddress!;
    }

    [OneTimeTearDown]
    public async Task StopKestrel() => await _kestrel.DisposeAsync();

    /// <summary>Sends raw bytes, as a fuzzer does, and reads the whole answer (Kestrel closes the connection after a rejection).</summary>
    private async Task<(int Status, string Headers, JsonElement Body)> SendRawAsync(string request)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var split = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return (int.Parse(response[9..12]), response[..split], JsonDocument.Parse(response[(split + 4)..]).RootElement);
    }

    [TestCase("GET /v1/projects/%00 HTTP/1.1\r\nHost: localhost\r\n\r\n", 400, "malformed_request", TestName = "A NUL in the path")]
    [TestCase("GET /health HTTP/1.1\r\nHost: bad host\r\n\r\n", 400, "malformed_request", TestName = "A malformed Host header")]
    [TestCase("GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: {0}\r\n\r\n", 431, "request_headers_too_large", TestName = "Headers that are too large")]
    public async Task A_request_kestrel_rejects_itself_gets_the_error_shape(string request, int status, string code)
    {
        var (answered, headers, body) = await SendRawAsync(string.Format(request, new string('a', 64 * 1024)));

        answered.Should().Be(status);
        headers.Should().Contain("Content-Type: application/json");
        body.GetProperty("code").GetString().Should().Be(code);
        body.GetProperty("status").GetInt32().Should().Be(status);
        body.GetProperty("error").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Test]
    public async Task Responses_on_a_kept_alive_connection_pass_through_unchanged_before_a_rejection()
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(
            "GET /config HTTP/1.1\r\nHost: localhost\r\n\r\nGET /nope HTTP/1.1\r\nHost: localhost\r\n\r\nGET /a%00 HTTP/1.1\r\nHost: localhost\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);

        var all = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));

        all.Should().Contain("\"tokenEndpoint\":\"/v1/auth/login\"").And.Contain("\"code\":\"route_not_found\"")
            .And.Contain("\"code\":\"malformed_request\"");
    }

    [Test]
    public async Task A_body_whose_content_length_is_over_the_limit_is_refused_before_it_is_sent()
    {
        var counting = new CountingStream(2_000_000);
        // The client waits for "100 Continue" this long before sending the body anyway; the default second is too short
        // on a loaded machine.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) }) { BaseAddress = _address };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/projects/{Guid.NewGuid()}/documents")
        {
            Content = new StreamContent(counting) { Headers = { ContentLength = counting.Length, ContentType = new MediaTypeHeaderValue("multipart/form-data") } },
        };
        request.Headers.ExpectContinue = true;

        using var response = await client.SendAsync(request);

        var body = await response.ShouldBeErrorAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        body.GetProperty("error").GetString().Should().Contain("2000000 bytes");
        counting.BytesRead.Should().Be(0, "a client that waits for 100 Continue never sends the body");
    }

    /// <summary>A body of zeros that counts how much of it the client actually sent.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = (int)Math.Min(count, length - BytesRead);
            Array.Clear(buffer, offset, read);
            BytesRead += read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
