namespace PtceFunding.Domain.Applications;

/// <summary>The eligibility rules of a call, applied to a consortium; each broken rule has its own code.</summary>
public static class Eligibility
{
    public static IEnumerable<Error> Failures(
        EligibilityRules rules, IReadOnlyList<ConsortiumMember> members, IReadOnlyList<MemberProfile> profiles, decimal totalRequested, int? durationYears)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(profiles);
        var byId = profiles.ToDictionary(p => p.OrganisationId);
        var consortium = members.Select(m => byId[m.OrganisationId]).ToList();
        var lead = members.Where(m => m.IsLead).Select(m => byId[m.OrganisationId]).FirstOrDefault();

        if (rules.EssRequired && !consortium.Any(p => p.IsEss))
        {
            yield return Error.RuleBroken("eligibility.ess_member_required", "Le chef de file doit être une entreprise de l'ESS, ou le consortium en compter au moins une.");
        }

        if (members.Count < rules.MinimumMembers)
        {
            yield return Error.RuleBroken("eligibility.too_few_members", $"Le consortium compte {members.Count} membre(s) ; l'appel en demande au moins {rules.MinimumMembers}.");
        }

        if (rules.AllowedLegalForms.Count > 0)
        {
            foreach (var member in consortium.Where(p => !rules.AllowedLegalForms.Contains(p.LegalForm)))
            {
                yield return Error.RuleBroken("eligibility.legal_form_not_allowed", $"La forme juridique de « {member.Name} » ({LegalForms.Label(member.LegalForm)}) n'est pas admise par cet appel.");
            }
        }

        if (rules.RegionCodes.Count > 0 && lead is not null && !rules.RegionCodes.Contains(lead.RegionCode))
        {
            var regions = string.Join(", ", rules.RegionCodes.Select(c => FrenchRegion.Find(c)?.Name ?? c));
            yield return Error.RuleBroken("eligibility.outside_territory", $"Le chef de file doit être situé dans le territoire de l'appel ({regions}).");
        }

        if (rules.MaximumAmount is { } maximum && totalRequested > maximum)
        {
            yield return Error.RuleBroken("eligibility.amount_above_maximum", $"Le montant demandé ({Money.Format(totalRequested)}) dépasse le maximum de l'appel ({Money.Format(maximum)}).");
        }

        if (durationYears is { } duration && duration > rules.MaximumDurationYears)
        {
            yield return Error.RuleBroken("eligibility.duration_above_maximum", $"La durée du projet ({duration} ans) dépasse la durée maximale de l'appel ({rules.MaximumDurationYears} ans).");
        }
    }
}
