using FluentValidation;
using PtceFunding.Application.Abstractions;
using PtceFunding.Application.Messaging;
using PtceFunding.Domain.Common;
using PtceFunding.Domain.Reporting;
using PtceFunding.Domain.Users;

namespace PtceFunding.Application.Reporting;

/// <summary>
/// A verified user of the agreement's lead member saves the values of the report's indicators for its period (a draft:
/// some may still be missing until the submission), once filing is open and until the report is submitted.
/// </summary>
public sealed record SaveReportIndicators(Guid ReportId, IReadOnlyList<IndicatorValue> Values, int ExpectedVersion) : ICommand<Result<ReportChanged>>;

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
        RuleFor(c => c.ExpectedVersion).GreaterThanOrEqualTo(0).WithMessage("La version attendue est invalide.");
    }
}

internal sealed class SaveReportIndicatorsAuthorizer(ICurrentUser user) : IAuthorizer<SaveReportIndicators>
{
    public Task<Result> Authorize(SaveReportIndicators request, CancellationToken cancellationToken) => Task.FromResult(user.RequireRole(Roles.Applicant));
}

internal sealed class SaveReportIndicatorsHandler(IPtceDbContext db, ICurrentUser user, TimeProvider clock) : IRequestHandler<SaveReportIndicators, Result<ReportChanged>>
{
    public async Task<Result<ReportChanged>> Handle(SaveReportIndicators request, CancellationToken cancellationToken)
    {
        var found = await db.FindReportForLeadMember(user, request.ReportId, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return found.Error;
        }

        var report = found.Value.Report;
        if (report.Version != request.ExpectedVersion)
        {
            return Concurrency.Stale(report.Version);
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var filled = report.FillIndicators([.. request.Values.Select(v => v with { Code = v.Code.Trim() })], today);
        if (!filled.IsSuccess)
        {
            return filled.Error;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ReportChanged.Of(report, today);
    }
}
