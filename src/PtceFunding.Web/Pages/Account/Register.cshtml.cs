using PtceFunding.Application.Users;

namespace PtceFunding.Web.Pages.Account;

/// <summary>
/// An applicant opens their own account. The page answers the same whether or not the address
/// already has an account (its owner is told by e-mail), so it cannot be used to probe for accounts.
/// </summary>
public sealed class RegisterModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? DisplayName { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    [BindProperty]
    public bool AcceptsTerms { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Registered { get; private set; }

    public IReadOnlyDictionary<string, string> Errors { get; private set; } = new Dictionary<string, string>();

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPost(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(Password) && Password != Confirmation)
        {
            Errors = new Dictionary<string, string> { [nameof(Confirmation)] = "Les deux mots de passe saisis sont différents." };
            return Page();
        }

        var result = await sender.Send(new RegisterApplicant(Email ?? "", DisplayName ?? "", Password ?? "", AcceptsTerms), cancellationToken);
        if (result.IsSuccess)
        {
            Registered = true;
            return Page();
        }

        Errors = result.Error.FieldErrors.Count > 0
            ? result.Error.FieldErrors.ToDictionary(e => e.Key, e => string.Join(" ", e.Value))
            : new Dictionary<string, string> { [""] = result.Error.Message };
        return Page();
    }
}
