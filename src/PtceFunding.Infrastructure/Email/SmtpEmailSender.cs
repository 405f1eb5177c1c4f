using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;

namespace PtceFunding.Infrastructure.Email;

/// <summary>The <c>Smtp</c> configuration section.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>Upgrade the connection with STARTTLS (System.Net.Mail's EnableSsl).</summary>
    public bool StartTls { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "ne-pas-repondre@ptcefunding.localhost";

    public string FromName { get; set; } = "PtceFunding";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Sends e-mail over SMTP with System.Net.Mail: a plain-text part and an HTML alternative.</summary>
internal sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task Send(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            EnableSsl = settings.StartTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)settings.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }

        using var mail = new MailMessage
        {
            From = new MailAddress(settings.From, settings.FromName, Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.Text,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        mail.To.Add(new MailAddress(message.To));
        mail.Headers.Add("Message-ID", $"<{message.MessageId}@ptcefunding>");
        mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.Html, Encoding.UTF8, MediaTypeNames.Text.Html));

        try
        {
            await client.SendMailAsync(mail, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpException exception)
        {
            // 5xx replies (unknown mailbox, rejected message) will not succeed later; the rest (4xx,
            // connection refused, timeouts) are retried.
            var permanent = (int)exception.StatusCode is >= 500 and < 600;
            throw new EmailDeliveryException($"SMTP {(int)exception.StatusCode} {exception.StatusCode}: {exception.InnerException?.Message ?? exception.Message}", permanent, exception);
        }
    }
}
