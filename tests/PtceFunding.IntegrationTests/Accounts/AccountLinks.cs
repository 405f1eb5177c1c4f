using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace PtceFunding.IntegrationTests.Accounts;

/// <summary>Reads the links of the e-mails the platform sends, as a person would click them.</summary>
public static partial class AccountLinks
{
    public static Uri Confirmation(SmtpSink.Message message) => Find(ConfirmationPattern(), message);

    public static Uri Invitation(SmtpSink.Message message) => Find(InvitationPattern(), message);

    public static string Query(Uri link, string name) => QueryHelpers.ParseQuery(link.Query)[name].ToString();

    /// <summary>Follows the confirmation link of the e-mail and presses its button, as the owner of the mailbox does.</summary>
    public static async Task<string> Confirm(PtceApp app, SmtpSink.Message message)
    {
        var link = Confirmation(message);
        var response = await new CookieBrowser(app).Post(link.PathAndQuery, new Dictionary<string, string>
        {
            ["UserId"] = Query(link, "userId"),
            ["Token"] = Query(link, "token"),
        });
        return await response.Content.ReadAsStringAsync();
    }

    private static Uri Find(Regex pattern, SmtpSink.Message message)
    {
        var match = pattern.Match(message.Text);
        Assert.True(match.Success, $"no link in: {message.Text}");
        return new Uri(match.Value);
    }

    [GeneratedRegex(@"https://ptce\.test/Account/ConfirmEmail\?\S+")]
    private static partial Regex ConfirmationPattern();

    [GeneratedRegex(@"https://ptce\.test/Organisations/Invitation\?\S+")]
    private static partial Regex InvitationPattern();
}
