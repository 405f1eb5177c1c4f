namespace PtceFunding.Application.Calls;

/// <summary>A funder of a call and its envelope, as an administrator enters it.</summary>
public sealed record CallFunderInput(Guid FunderId, decimal Envelope);

/// <summary>The descriptive part of a call, as sent by an administrator; the time zone defaults to metropolitan France.</summary>
public sealed record CallDetailsInput(
    string Title,
    string? Description,
    CallMode Mode,
    DateOnly OpensOn,
    DateOnly? ClosesOn,
    string? TimeZoneId,
    bool IsTwoStage,
    IReadOnlyList<string> Categories,
    IReadOnlyList<CallFunderInput> Funders)
{
    public CallDetails ToDomain() => new(
        Title,
        Description ?? "",
        Mode,
        OpensOn,
        ClosesOn,
        string.IsNullOrWhiteSpace(TimeZoneId) ? FrenchRegion.MetropolitanTimeZone : TimeZoneId.Trim(),
        IsTwoStage,
        Categories,
        [.. Funders.Select(f => new CallFunder(new FunderId(f.FunderId), f.Envelope))]);
}

/// <summary>Input-shape checks; the coherence of details and rules is the domain's (CallDetails.Check, CallRules.Check).</summary>
internal sealed class CallDetailsInputValidator : AbstractValidator<CallDetailsInput>
{
    public CallDetailsInputValidator()
    {
        RuleFor(d => d.Title).NotEmpty().WithMessage("Le titre de l'appel est obligatoire.")
            .MaximumLength(300).WithMessage("Le titre ne peut dépasser 300 caractères.");
        RuleFor(d => d.Description).MaximumLength(8000).WithMessage("La description ne peut dépasser 8 000 caractères.");
        RuleFor(d => d.Mode).IsInEnum().WithMessage("Le mode de l'appel est inconnu.");
        RuleFor(d => d.Categories).NotNull().WithMessage("Indiquez les catégories de l'appel (liste éventuellement vide).");
        RuleForEach(d => d.Categories).NotEmpty().WithMessage("Une catégorie a un nom.")
            .MaximumLength(100).WithMessage("Une catégorie ne peut dépasser 100 caractères.");
        RuleFor(d => d.Funders).NotNull().WithMessage("Indiquez les financeurs de l'appel (liste éventuellement vide).");
        RuleForEach(d => d.Funders).NotNull().WithMessage("Un financeur est mal renseigné.")
            .ChildRules(f => f.RuleFor(x => x.FunderId).NotEmpty().WithMessage("Choisissez le financeur."));
    }
}

internal sealed class CallRulesValidator : AbstractValidator<CallRules>
{
    public CallRulesValidator()
    {
        RuleFor(r => r.Eligibility).NotNull().WithMessage("Les critères d'éligibilité sont obligatoires.");
        RuleFor(r => r.Eligibility.AllowedLegalForms).NotNull().When(r => r.Eligibility is not null).WithMessage("Indiquez les formes juridiques admises (liste éventuellement vide).");
        RuleForEach(r => r.Eligibility.AllowedLegalForms).IsInEnum().When(r => r.Eligibility?.AllowedLegalForms is not null).WithMessage("Forme juridique inconnue.");
        RuleFor(r => r.Eligibility.RegionCodes).NotNull().When(r => r.Eligibility is not null).WithMessage("Indiquez les régions (liste éventuellement vide).");
        RuleFor(r => r.Documents).NotNull().WithMessage("Indiquez les pièces demandées (liste éventuellement vide).");
        RuleForEach(r => r.Documents).NotNull().WithMessage("Une pièce est mal renseignée.");
        RuleFor(r => r.Indicators).NotNull().WithMessage("Indiquez les indicateurs (liste éventuellement vide).");
        RuleForEach(r => r.Indicators).NotNull().WithMessage("Un indicateur est mal renseigné.");
        RuleFor(r => r.Grid).NotNull().WithMessage("Indiquez la grille d'évaluation (liste éventuellement vide).");
        RuleForEach(r => r.Grid).NotNull().WithMessage("Un critère est mal renseigné.");
    }
}
