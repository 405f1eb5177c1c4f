namespace PtceFunding.Application.Users;

/// <summary>Claims the platform adds to a signed-in user, read back by the current-user accessor.</summary>
public static class PtceClaims
{
    public const string FunderId = "ptce:funder";

    /// <summary>INSEE code of the user's region; absent for national users.</summary>
    public const string Region = "ptce:region";

    public const string DisplayName = "ptce:name";

    /// <summary>The OAuth client id of a partner system's token (docs/adr/0035); absent for people.</summary>
    public const string PartnerClient = "ptce:client";
}
