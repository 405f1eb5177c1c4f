namespace PtceFunding.Application;

/// <summary>The one rule for an e-mail address typed by someone: present, well formed, at most 256 characters.</summary>
public static class EmailRules
{
    public static IRuleBuilderOptions<T, string> IsEmailAddress<T>(this IRuleBuilderInitial<T, string> rule, string missing = "L'adresse électronique est obligatoire.") =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage(missing)
            .EmailAddress().WithMessage("L'adresse électronique est invalide.")
            .MaximumLength(256).WithMessage("L'adresse électronique ne peut dépasser 256 caractères.");
}
