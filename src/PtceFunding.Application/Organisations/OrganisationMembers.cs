namespace PtceFunding.Application.Organisations;

/// <summary>Who acts for an organisation, as the use cases on organisations check it.</summary>
internal static class OrganisationMembers
{
    /// <summary>An organisation the user is not verified for does not exist, as far as they can tell.</summary>
    public static readonly Error NotFound = Error.NotFound("organisation.not_found", "Cette organisation n'existe pas, ou vous n'agissez pas pour elle.");

    public static Task<bool> IsVerified(this IPtceDbContext db, OrganisationId organisationId, Guid? userId, CancellationToken cancellationToken) =>
        userId is { } id
            ? db.OrganisationMemberships.AnyAsync(
                m => m.OrganisationId == organisationId && m.UserId == id && m.Status == MembershipStatus.Verified, cancellationToken)
            : Task.FromResult(false);

    /// <summary>"SIRET 123…" or "RNA W…", as the organisation is identified.</summary>
    public static string Identifier(string? siret, string? rna) =>
        siret is not null ? $"SIRET {siret}" : rna is not null ? $"RNA {rna}" : "";
}
