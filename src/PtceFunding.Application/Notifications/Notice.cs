using System.Net;

namespace PtceFunding.Application.Notifications;

/// <summary>
/// A message the platform sends, as a typed model (<c>Notices.cs</c> holds them all): a greeting, paragraphs, and a
/// link with its label. The plain-text and HTML parts are rendered from the same text, the HTML one encoded.
/// </summary>
public abstract record Notice
{
    private const string Signature = "PtceFunding — financement des pôles territoriaux de coopération économique";

    /// <summary>The recipient's name; the writers that address a notice to several people fill it for each.</summary>
    public string Name { get; init; } = "";

    /// <summary>The absolute address the message leads to (see <see cref="ILinks"/>), or none.</summary>
    public string? Link { get; init; }

    /// <summary>The name the outbox records the message under: the model's own.</summary>
    public string Template => GetType().Name;

    public abstract string Subject { get; }

    /// <summary>
    /// The link is a credential (a password reset, an address confirmation, an invitation): the outbox keeps the message
    /// sealed until it leaves and forgets it once sent (<see cref="Domain.Notifications.Notification.Sensitive"/>).
    /// </summary>
    public virtual bool CarriesCredential => false;

    protected abstract string LinkLabel { get; }

    protected virtual string Greeting => $"Bonjour {Name},";

    protected abstract IEnumerable<string> Body { get; }

    public RenderedMessage Render()
    {
        var paragraphs = Body.Prepend(Greeting).ToList();
        var text = string.Join("\n\n", paragraphs)
            + (Link is null ? "" : $"\n\n{LinkLabel} : {Link}")
            + $"\n\n-- \n{Signature}";
        var html = "<!DOCTYPE html><html lang=\"fr\"><body>"
            + string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"))
            + (Link is null ? "" : $"<p><a href=\"{WebUtility.HtmlEncode(Link)}\">{WebUtility.HtmlEncode(LinkLabel)}</a></p>")
            + $"<p>{Signature}</p></body></html>";
        return new RenderedMessage(Subject, text, html);
    }
}
