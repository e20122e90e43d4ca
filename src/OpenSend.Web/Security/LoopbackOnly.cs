using System.Net;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace OpenSend.Web.Security;

/// <summary>
/// The development sign-in answers only a browser on the same machine: even in Development with the
/// sign-in switched on, a machine reachable from a network does not hand out anyone's session. The
/// address is the client's after forwarded headers are read, so a request through a proxy is refused.
/// </summary>
public sealed class LoopbackOnly : IAsyncPageFilter
{
    public static bool IsLoopback(HttpContext context) => context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address);

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!IsLoopback(context.HttpContext))
        {
            context.Result = new NotFoundResult();
            return;
        }

        await next();
    }
}
