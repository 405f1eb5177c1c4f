namespace PtceFunding.Domain.Applications;

/// <summary>The rules an application must meet to be submitted (or resubmitted after corrections), all answered at once.</summary>
public sealed partial class FundingApplication
{
    /// <summary>
    /// Every failure that prevents submission, at once: completeness, financing plan, eligibility
    /// under the call's current rules, documents. An empty list means the application can be submitted.
    /// </summary>
    public IReadOnlyList<Error> SubmissionFailures(Call call, IReadOnlyList<MemberProfile> members, IReadOnlyCollection<string> attachedDocumentCodes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(attachedDocumentCodes);
        var resubmitting = Status == ApplicationStatus.CorrectionsRequested;
        var rules = resubmitting ? call.RulesOfVersion(RulesVersion) : call.CurrentRules;
        var failures = new List<Error>();
        if (!ApplicationWorkflow.IsEditableByConsortium(Status))
        {
            return [FrozenError()!];
        }

        // Corrections are answered under the rules the application was filed under, even if the call has closed since.
        if (!resubmitting && !call.AcceptsApplicationsAt(now))
        {
            failures.Add(Error.RuleBroken("call.not_accepting", "Cet appel ne reçoit pas de candidatures en ce moment."));
        }

        if (CheckCategoryAndStage(call, Category, Stage) is { } categoryError)
        {
            failures.Add(categoryError);
        }

        if (_members.Count(m => m.IsLead) != 1)
        {
            failures.Add(Error.RuleBroken("application.lead_member_required", "Le consortium a un et un seul chef de file."));
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            failures.Add(Error.RuleBroken("application.title_missing", "Donnez un titre au projet."));
        }

        if (string.IsNullOrWhiteSpace(Description))
        {
            failures.Add(Error.RuleBroken("application.description_missing", "Décrivez le projet."));
        }

        if (StartDate is null || DurationYears is null)
        {
            failures.Add(Error.RuleBroken("application.schedule_missing", "Indiquez la date de début et la durée du projet."));
        }

        if (DurationYears is { } duration)
        {
            failures.AddRange(Plan.Failures(duration));
            failures.AddRange(IndicatorFailures(rules, duration));
        }

        failures.AddRange(RequestedAmountFailures(call));
        failures.AddRange(Eligibility.Failures(rules.Eligibility, _members, members, TotalRequested, DurationYears));
        failures.AddRange(rules.Documents
            .Where(d => !attachedDocumentCodes.Contains(d.Code))
            .Select(d => Error.RuleBroken("application.document_missing", $"Pièce manquante : {d.Label}.")));
        return failures;
    }

    private static Error? CheckCategoryAndStage(Call call, string category, int stage)
    {
        if (!call.Categories.Contains(category.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return Error.RuleBroken("application.category_unknown", $"« {category} » n'est pas une catégorie de cet appel ({string.Join(", ", call.Categories)}).");
        }

        return stage == 1 || (stage == 2 && call.IsTwoStage)
            ? null
            : Error.RuleBroken("application.stage_invalid", call.IsTwoStage ? "Cet appel a deux étapes : 1 ou 2." : "Cet appel n'a qu'une étape.");
    }

    private IEnumerable<Error> IndicatorFailures(CallRules rules, int duration)
    {
        foreach (var indicator in rules.Indicators)
        {
            var commitment = Indicators.FirstOrDefault(i => string.Equals(i.Code, indicator.Code, StringComparison.OrdinalIgnoreCase));
            if (commitment is null || commitment.YearlyTargets.Count != duration)
            {
                yield return Error.RuleBroken("application.indicator_missing", $"Indicateur « {indicator.Label} » : indiquez la valeur de départ et une cible pour chacune des {duration} années.");
            }
        }
    }

    private IEnumerable<Error> RequestedAmountFailures(Call call)
    {
        if (TotalRequested <= 0)
        {
            yield return Error.RuleBroken("application.amount_missing", "Indiquez le montant demandé à au moins un financeur de l'appel.");
        }

        foreach (var requested in RequestedAmounts)
        {
            if (!call.IsFundedBy(requested.FunderId))
            {
                yield return Error.RuleBroken("application.funder_not_in_call", "Un montant est demandé à un financeur qui ne finance pas cet appel.");
            }
            else if (Plan.RequestedFrom(requested.FunderId) != requested.Amount)
            {
                yield return Error.RuleBroken(
                    "application.amount_not_in_plan",
                    $"Le montant demandé à un financeur ({Money.Format(requested.Amount)}) diffère des ressources attendues de lui dans le plan ({Money.Format(Plan.RequestedFrom(requested.FunderId))}).");
            }
        }

        // Resources the plan expects from a funder must be asked of it: otherwise the total requested
        // (which the call's maximum is checked against) understates what the consortium counts on.
        var unasked = Plan.Resources
            .Where(r => r.FunderId is { } funderId && RequestedAmounts.All(a => a.FunderId != funderId))
            .GroupBy(r => r.FunderId!.Value)
            .Where(g => g.Sum(r => r.Amount) != 0);
        foreach (var resources in unasked)
        {
            yield return call.IsFundedBy(resources.Key)
                ? Error.RuleBroken(
                    "application.amount_not_in_plan",
                    $"Le plan attend {Money.Format(resources.Sum(r => r.Amount))} d'un financeur de l'appel à qui aucun montant n'est demandé.")
                : Error.RuleBroken("application.funder_not_in_call", "Le plan attend des ressources d'un financeur qui ne finance pas cet appel.");
        }
    }
}
