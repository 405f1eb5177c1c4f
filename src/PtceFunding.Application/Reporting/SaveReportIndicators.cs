namespace PtceFunding.Application.Reporting;

/// <summary>
/// A verified user of the agreement's lead member saves the values of the report's indicators for its period (a draft:
/// some may still be missing until the submission), once filing is open and until the report is submitted.
/// </summary>
[Allow(Audience.Applicants)]
public sealed record SaveReportIndicators(Guid ReportId, IReadOnlyList<IndicatorValue> Values, int? ExpectedVersion) : ICommand<Result<ReportChanged>>, IVersioned;

internal sealed class SaveReportIndicatorsValidator : AbstractValidator<SaveReportIndicators>
{
    public SaveReportIndicatorsValidator()
    {
        RuleFor(c => c.Values).NotNull().WithMessage("Indiquez les valeurs des indicateurs.");
        RuleForEach(c => c.Values).ChildRules(value =>
        {
            value.RuleFor(v => v.Code).NotEmpty().WithMessage("Chaque valeur porte le code de son indicateur.");
            value.RuleFor(v => v.Value).GreaterThanOrEqualTo(0).WithMessage("La valeur d'un indicateur ne peut pas être négative.")
                .LessThan(1_000_000_000m).WithMessage("La valeur d'un indicateur est trop grande.");
        });
    }
}

internal sealed class SaveReportIndicatorsHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<SaveReportIndicators, Result<ReportChanged>>
{
    public async ValueTask<Result<ReportChanged>> Handle(SaveReportIndicators request, CancellationToken cancellationToken)
    {
        var today = clock.Today();
        return await db.FindReportForLeadMember(user, request.ReportId, request, cancellationToken)
            .Then(found => ReportChanged.After(db, found.Report, found.Report.FillIndicators([.. request.Values.Select(v => v with { Code = v.Code.Trim() })], today), today))
            .ConfigureAwait(false);
    }
}
