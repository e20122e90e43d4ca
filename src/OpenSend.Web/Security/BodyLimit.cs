using Microsoft.AspNetCore.Http.Features;

namespace OpenSend.Web.Security;

/// <summary>
/// A limit on how much an endpoint reads from a request body. Kestrel's default (30 MB) lets an
/// anonymous caller make the public endpoints parse and check a huge document; an endpoint that
/// takes a plan or a form needs a small fraction of that. A body declared too large is refused at
/// once, and one that turns out too large while it is read (chunked) is refused when it crosses the
/// limit: 413 problem details either way (ApiProblems).
/// </summary>
public static class BodyLimit
{
    /// <summary>A plan in the national format: the largest real plans are tens of kilobytes.</summary>
    public const long PlanDocumentBytes = 512 * 1024;

    public static TBuilder LimitBodyTo<TBuilder>(this TBuilder builder, long bytes) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.ContentLength > bytes)
            {
                throw TooLarge(bytes);
            }

            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = bytes;
            }

            http.Request.Body = new LimitedStream(http.Request.Body, bytes);
            return await next(context);
        });

    public static BadHttpRequestException TooLarge(long bytes) =>
        new($"The request body must be {bytes / 1024} KB or smaller.", StatusCodes.Status413PayloadTooLarge);

    /// <summary>Reads through to the request body and refuses to read past the limit.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw TooLarge(limit) : read;
        }
    }
}
