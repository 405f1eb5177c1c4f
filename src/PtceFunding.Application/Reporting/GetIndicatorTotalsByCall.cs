using PtceFunding.Application.Access;
using PtceFunding.Application.Calls;

namespace PtceFunding.Application.Reporting;

/// <summary>
/// The funders' view of a call's indicators (e.g. jobs created or kept across all its agreements): for each indicator
/// code of the call, over the agreements of the call the caller sees (not drafts), the sum of the actual values of each
/// agreement's latest approved activity report, the sum of those same years' targets, and how many agreements count.
/// An agreement without an approved activity report yet does not count. A draft call is not found by the staff of a funder that does not fund it.
/// </summary>
[Allow(Audience.IndicatorReaders)]
public sealed record GetIndicatorTotalsByCall(Guid CallId) : IQuery<Result<IReadOnlyList<IndicatorTotal>>>;

public sealed record IndicatorTotal(string Code, string Label, string Unit, int Agreements, decimal Actual, decimal Target);

internal sealed class GetIndicatorTotalsByCallHandler(IPtceDbContext db, ICurrentUser user) : IQueryHandler<GetIndicatorTotalsByCall, Result<IReadOnlyList<IndicatorTotal>>>
{
    public async ValueTask<Result<IReadOnlyList<IndicatorTotal>>> Handle(GetIndicatorTotalsByCall request, CancellationToken cancellationToken)
    {
        var callId = new CallId(request.CallId);
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, cancellationToken).ConfigureAwait(false);
        if (call is null || !call.IsKnownTo(user))
        {
            return CallAccess.NotFound;
        }

        var agreements = await db.Agreements.AsNoTracking().Where(a => a.CallId == callId && a.Status != AgreementStatus.Draft)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var seen = new List<AgreementId>();
        foreach (var agreement in agreements)
        {
            if (await db.Sees(user, agreement, cancellationToken).ConfigureAwait(false))
            {
                seen.Add(agreement.Id);
            }
        }

        var approved = await db.Reports.AsNoTracking()
            .Where(r => seen.Contains(r.AgreementId) && r.Kind == ReportKind.Activity && r.State == ReportState.Approved)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var latest = approved.GroupBy(r => r.AgreementId).Select(g => g.MaxBy(r => r.YearNumber)!).ToList();
        var definitions = call.CurrentRules.Indicators;
        var codes = definitions.Select(d => d.Code)
            .Concat(latest.SelectMany(r => r.Indicators.Select(i => i.Code)))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return codes
            .Select(code =>
            {
                var definition = definitions.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.OrdinalIgnoreCase));
                var counted = latest.Where(r => r.Values.Any(v => string.Equals(v.Code, code, StringComparison.OrdinalIgnoreCase))).ToList();
                return new IndicatorTotal(
                    code,
                    definition?.Label ?? code,
                    definition?.Unit ?? "",
                    counted.Count,
                    counted.Sum(r => r.Values.First(v => string.Equals(v.Code, code, StringComparison.OrdinalIgnoreCase)).Value),
                    counted.Sum(r => r.Indicators.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase))?.Target ?? 0m));
            })
            .ToList();
    }
}
