using System.Threading.RateLimiting;

namespace OpenSend.Web.Security;

/// <summary>
/// Limits on the doors a stranger can knock on: sign-in (against password and code guessing, on
/// top of account lockout) and the public request form (against flooding councils with requests).
/// Per source address; configurable (OpenSend:RateLimits).
/// </summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PublicForm = "public-form";

    public static IServiceCollection AddOpenSendRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = configuration.GetValue("OpenSend:RateLimits:SignInPerMinute", 10);
        var formsPerHour = configuration.GetValue("OpenSend:RateLimits:PublicFormPostsPerHour", 120);
        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn, http => Partitioned(http, signInPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(PublicForm, http => Partitioned(http, formsPerHour, TimeSpan.FromHours(1)));
        });
    }

    /// <summary>Only writes are counted: reading the pages is never limited.</summary>
    private static RateLimitPartition<string> Partitioned(HttpContext http, int permits, TimeSpan window) =>
        HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("reads")
            : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
}
