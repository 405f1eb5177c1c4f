namespace PtceFunding.Application.Reporting;

/// <summary>The labels and units of an agreement's indicators: the call's rules in the version its application applied under.</summary>
internal static class IndicatorDefinitions
{
    public static async Task<Dictionary<string, IndicatorDefinition>> Of(IPtceDbContext db, Agreement agreement, CancellationToken cancellationToken)
    {
        var rulesVersion = await db.Applications.AsNoTracking().Where(a => a.Id == agreement.ApplicationId).Select(a => a.RulesVersion)
            .FirstAsync(cancellationToken).ConfigureAwait(false);
        var call = await db.Calls.AsNoTracking().FirstAsync(c => c.Id == agreement.CallId, cancellationToken).ConfigureAwait(false);
        return call.RulesOfVersion(rulesVersion).Indicators.ToDictionary(i => i.Code, StringComparer.OrdinalIgnoreCase);
    }
}
