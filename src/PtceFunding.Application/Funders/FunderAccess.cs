namespace PtceFunding.Application.Funders;

/// <summary>What the funder commands share.</summary>
internal static class FunderAccess
{
    public static readonly Error NotFound = Error.NotFound("funder.not_found", "Ce financeur n'existe pas.");
}
