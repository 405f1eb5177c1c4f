using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PtceFunding.Web.Security;

/// <summary>
/// Brute force and flooding. The account requests (sign-in, token, registration, password reset and change, e-mail confirmation) are
/// limited per client address, with a sliding window generous enough for a whole administration behind one proxy
/// address; per account, sign-in is limited by the lockout and the e-mails by <c>AccountTokens</c>. Uploads are limited
/// per user. A refused request gets 429 with <c>Retry-After</c>. The counters are each node's own (ADR 0032): a client
/// spread over n nodes gets at most n times the limit.
/// </summary>
internal static class RateLimits
{
    public sealed class Settings
    {
        /// <summary>Account requests per client address per minute.</summary>
        public int AccountRequestsPerMinute { get; init; } = 30;

        /// <summary>Uploads per user per minute.</summary>
        public int UploadsPerMinute { get; init; } = 30;
    }

    private static readonly string[] AccountPaths =
    [
        "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ConfirmEmail",
        "/connect/token", "/api/auth/password-reset-requests", "/api/auth/password-resets",
        "/api/account/register", "/api/account/email-confirmation-requests", "/api/me/email-confirmation",
        "/Account/ChangePassword", "/api/me/password",
        // Codes of the second factor: guessing them is bounded by the lockout at sign-in, and here on the enrolment page.
        "/Account/TwoFactor", "/Account/Mfa",
    ];

    public static IServiceCollection AddPtceRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimits").Get<Settings>() ?? new Settings();
        return services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
            o.OnRejected = Refuse;
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext context, Settings settings)
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && AccountPaths.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
        {
            return PerMinute("account:" + context.Connection.RemoteIpAddress, settings.AccountRequestsPerMinute);
        }

        if (HttpMethods.IsPost(request.Method) && request.ContentType?.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase) == true
            && context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } user)
        {
            return PerMinute("upload:" + user, settings.UploadsPerMinute);
        }

        return RateLimitPartition.GetNoLimiter("");
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetSlidingWindowLimiter(key, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            SegmentsPerWindow = 6,
            QueueLimit = 0,
        });

    private static async ValueTask Refuse(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var message = $"Trop de demandes en peu de temps. Réessayez dans {seconds} secondes.";
        if (!AuthenticationSchemes.IsApi(context.Request) && !context.Request.Path.StartsWithSegments("/connect", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(message, cancellationToken).ConfigureAwait(false);
            return;
        }

        await TypedResults.Problem(
                message,
                statusCode: StatusCodes.Status429TooManyRequests,
                title: "Trop de demandes",
                extensions: new Dictionary<string, object?> { ["code"] = "rate_limited", ["retryAfterSeconds"] = seconds })
            .ExecuteAsync(context).ConfigureAwait(false);
    }
}
