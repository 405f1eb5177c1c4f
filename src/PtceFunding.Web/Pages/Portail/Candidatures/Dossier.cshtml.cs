using PtceFunding.Application.Agreements;
using PtceFunding.Application.Applications;
using PtceFunding.Application.Organisations;
using PtceFunding.Domain.Applications;

namespace PtceFunding.Web.Pages.Portail.Candidatures;

/// <summary>
/// One application, section by section. A draft is edited one section at a time, each form carrying
/// the version it was read at (an edit made meanwhile by someone else is refused and the page shows
/// the current data); the lead member files it. Once filed or withdrawn it is shown read-only, until
/// an officer sends it back for corrections: then it is edited again and the lead member files it anew.
/// </summary>
public sealed class DossierModel(ISender sender) : PageModel
{
    public const int EmptyRowsPerYear = 6;

    public const string ConsortiumSection = "consortium";
    public const string ProjectSection = "projet";
    public const string FinancingSection = "financement";
    public const string IndicatorsSection = "indicateurs";
    public const string DocumentsSection = "pieces";
    public const string SubmitSection = "depot";
    public const string WithdrawSection = "retrait";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ApplicationView View { get; private set; } = null!;

    public ProjectForm Project { get; private set; } = new();

    public ConsortiumForm Consortium { get; private set; } = new();

    public FinancingForm Financing { get; private set; } = new();

    public IndicatorsForm Indicators { get; private set; } = new();

    /// <summary>The section whose form was refused, with every reason.</summary>
    public string? ErrorSection { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    /// <summary>Field errors, keyed by the form field ("Project.Title", "Financing.Expenses[3].Amount").</summary>
    public Dictionary<string, string> FieldErrors { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Texts typed in fields that could not be read, keyed like <see cref="FieldErrors"/>.</summary>
    public Dictionary<string, string> Typed { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The form was filled from an outdated read: the page shows the current data instead.</summary>
    public bool Stale { get; private set; }

    /// <summary>The member looked up by SIRET/RNA is not registered: the page points to the registry.</summary>
    public bool UnknownOrganisation { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public string? ReceiptReference { get; set; }

    [TempData]
    public string? ReceiptSubmittedAt { get; set; }

    [TempData]
    public string? ReceiptSession { get; set; }

    /// <summary>The agreement of the accepted application, once drafted (visible to the lead member's verified users).</summary>
    public Guid? AgreementId { get; private set; }

    public IReadOnlyList<int> Years => View.DurationYears is { } years ? [.. Enumerable.Range(1, years)] : [];

    public async Task<IActionResult> OnGet(CancellationToken cancellationToken) =>
        await Load(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostProject(ProjectForm project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (!ModelState.IsValid)
        {
            return await Refused(ProjectSection, null, () => Project = project, cancellationToken);
        }

        var result = await sender.Send(project.ToCommand(Id), cancellationToken);
        return result.IsSuccess
            ? Saved("La section « Projet » est enregistrée.", ProjectSection)
            : await Refused(ProjectSection, result.Error, () => Project = project, cancellationToken);
    }

    public async Task<IActionResult> OnPostConsortium(ConsortiumForm consortium, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consortium);
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await Refused(ConsortiumSection, null, () => Consortium = consortium, cancellationToken);
        }

        return await Compose(consortium.ToCommand(Id, View.LeadOrganisationId), "La composition du consortium est enregistrée.", () => Consortium = consortium, cancellationToken);
    }

    public async Task<IActionResult> OnPostAddMember(int expectedVersion, string? identifier, CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(identifier))
        {
            FieldErrors["Identifier"] = "Indiquez le SIRET ou le numéro RNA de l'organisation.";
            return await Refused(ConsortiumSection, null, null, cancellationToken);
        }

        var found = await sender.Send(new FindOrganisation(identifier), cancellationToken);
        if (!found.IsSuccess)
        {
            UnknownOrganisation = found.Error.Kind == ErrorKind.NotFound;
            FieldErrors["Identifier"] = found.Error.Message;
            return await Refused(ConsortiumSection, found.Error, null, cancellationToken);
        }

        var members = Current().Append(new MemberInput(found.Value.Id, MemberRole.Partner, false, null)).ToList();
        return await Compose(new ComposeConsortium(Id, expectedVersion, members), $"{found.Value.Name} rejoint le consortium.", null, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveMember(int expectedVersion, Guid organisationId, CancellationToken cancellationToken)
    {
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        var leaving = View.Members.FirstOrDefault(m => m.OrganisationId == organisationId);
        var members = Current().Where(m => m.OrganisationId != organisationId).ToList();
        return await Compose(new ComposeConsortium(Id, expectedVersion, members), $"{leaving?.Name ?? "Le membre"} ne fait plus partie du consortium.", null, cancellationToken);
    }

    public async Task<IActionResult> OnPostInvite(string? email, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new InviteContributor(Id, email ?? ""), cancellationToken);
        if (result.IsSuccess)
        {
            return Saved($"{email} est invité à contribuer au dossier ; un message l'en informe.", ConsortiumSection);
        }

        if (result.Error.FieldErrors.Count > 0 || result.Error.Kind == ErrorKind.RuleBroken)
        {
            FieldErrors["Email"] = string.Join(" ", ApplicationText.Messages(result.Error));
        }

        return await Refused(ConsortiumSection, result.Error, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostDocument(string? requiredDocumentCode, IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            FieldErrors["file"] = "Choisissez le fichier à joindre.";
            return await Refused(DocumentsSection, null, null, cancellationToken);
        }

        await using var content = file.OpenReadStream();
        var result = await sender.Send(new AttachApplicationDocument(Id, string.IsNullOrWhiteSpace(requiredDocumentCode) ? null : requiredDocumentCode, file.FileName, file.Length, content), cancellationToken);
        if (result.IsSuccess)
        {
            return Saved($"La pièce « {result.Value.FileName} » est jointe au dossier.", DocumentsSection);
        }

        foreach (var (_, messages) in result.Error.FieldErrors)
        {
            FieldErrors.TryAdd("file", string.Join(" ", messages));
        }

        return await Refused(DocumentsSection, result.Error, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveDocument(Guid documentId, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new RemoveApplicationDocument(Id, documentId), cancellationToken);
        return result.IsSuccess ? Saved("La pièce est retirée du dossier.", DocumentsSection) : await Refused(DocumentsSection, result.Error, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostFinancing(FinancingForm financing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(financing);
        var command = financing.ToCommand(Id, FieldErrors);
        if (!ModelState.IsValid || FieldErrors.Count > 0)
        {
            return await Refused(FinancingSection, null, () => Financing = financing, cancellationToken);
        }

        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? Saved("Le plan de financement est enregistré.", FinancingSection)
            : await Refused(FinancingSection, result.Error, () => Financing = financing, cancellationToken);
    }

    public async Task<IActionResult> OnPostIndicators(IndicatorsForm indicators, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(indicators);
        KeepUnreadable();
        var command = indicators.ToCommand(Id, FieldErrors);
        if (FieldErrors.Count > 0)
        {
            return await Refused(IndicatorsSection, null, () => Indicators = indicators, cancellationToken);
        }

        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess
            ? Saved("Les indicateurs sont enregistrés.", IndicatorsSection)
            : await Refused(IndicatorsSection, result.Error, () => Indicators = indicators, cancellationToken);
    }

    public async Task<IActionResult> OnPostSubmit(int expectedVersion, bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            FieldErrors["Confirm"] = "Cochez la case pour confirmer le dépôt du dossier.";
            return await Refused(SubmitSection, null, null, cancellationToken);
        }

        var result = await sender.Send(new SubmitApplication(Id, expectedVersion), cancellationToken);
        if (!result.IsSuccess)
        {
            return await Refused(SubmitSection, result.Error, null, cancellationToken);
        }

        var receipt = result.Value;
        ReceiptReference = receipt.Reference;
        ReceiptSubmittedAt = Formats.DateTime(receipt.SubmittedAt);
        ReceiptSession = receipt.SessionName is { } session
            ? $"Il sera examiné par la session « {session} » (dépôts jusqu'au {Formats.Date(receipt.SessionCutOff!.Value)})."
            : "Aucune session du comité n'est encore planifiée : il est en attente de la prochaine session et y sera rattaché dès sa création.";
        return RedirectToPage(null, null, new { id = Id }, "recepisse");
    }

    public async Task<IActionResult> OnPostResubmit(int expectedVersion, bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            FieldErrors["Confirm"] = "Cochez la case pour confirmer le nouveau dépôt du dossier.";
            return await Refused(SubmitSection, null, null, cancellationToken);
        }

        var result = await sender.Send(new ResubmitApplication(Id, expectedVersion), cancellationToken);
        return result.IsSuccess
            ? Saved("Le dossier corrigé est redéposé : son instruction reprend.", null)
            : await Refused(SubmitSection, result.Error, null, cancellationToken);
    }

    public async Task<IActionResult> OnPostWithdraw(int expectedVersion, string? reason, CancellationToken cancellationToken)
    {
        var result = await sender.Send(new WithdrawApplication(Id, expectedVersion, reason), cancellationToken);
        return result.IsSuccess
            ? Saved("Le dossier est retiré.", null)
            : await Refused(WithdrawSection, result.Error, null, cancellationToken);
    }

    public string? ErrorOf(string field) => FieldErrors.GetValueOrDefault(field);

    /// <summary>The text of a field as typed when it could not be read, else its current value.</summary>
    public string? TypedOr(string field, string? current) => Typed.TryGetValue(field, out var typed) ? typed : current;

    public bool HasErrors(string section) => ErrorSection == section && (Errors.Count > 0 || FieldErrors.Count > 0);

    public string? FunderName(Guid? funderId) => funderId is { } id ? View.Call.Funders.FirstOrDefault(f => f.FunderId == id)?.Name : null;

    /// <summary>"équilibré" or "écart de 1 234,00 €".</summary>
    public static string BalanceText(YearBalance balance)
    {
        ArgumentNullException.ThrowIfNull(balance);
        return balance.Balanced ? "équilibré" : $"écart de {Formats.Money(Math.Abs(balance.Expenses - balance.Resources))}";
    }

    private IEnumerable<MemberInput> Current() =>
        View.Members.Select(m => new MemberInput(m.OrganisationId, m.Role, m.IsLead, m.BudgetShare));

    private async Task<IActionResult> Compose(ComposeConsortium command, string notice, Action? keepForm, CancellationToken cancellationToken)
    {
        var result = await sender.Send(command, cancellationToken);
        return result.IsSuccess ? Saved(notice, ConsortiumSection) : await Refused(ConsortiumSection, result.Error, keepForm, cancellationToken);
    }

    private RedirectToPageResult Saved(string notice, string? section)
    {
        Notice = notice;
        return RedirectToPage(null, null, new { id = Id }, section);
    }

    /// <summary>
    /// Shows the page again with the reasons of the refusal next to the section. A refused form keeps
    /// what was typed, unless it was filled from an outdated read: then the current data is shown.
    /// </summary>
    private async Task<IActionResult> Refused(string section, Error? error, Action? keepForm, CancellationToken cancellationToken)
    {
        if (error?.Kind == ErrorKind.NotFound && !UnknownOrganisation)
        {
            return NotFound();
        }

        KeepUnreadable();
        ModelState.Clear();
        if (!await Load(cancellationToken))
        {
            return NotFound();
        }

        ErrorSection = section;
        if (error is not null && ApplicationText.IsStale(error))
        {
            Stale = true;
            FieldErrors.Clear();
            return Page();
        }

        keepForm?.Invoke();
        var prefix = section switch
        {
            ProjectSection => "Project.",
            ConsortiumSection => "Consortium.",
            FinancingSection => "Financing.",
            IndicatorsSection => "Indicators.",
            _ => "",
        };
        foreach (var (field, messages) in error?.FieldErrors ?? new Dictionary<string, string[]>())
        {
            FieldErrors.TryAdd(prefix + field, string.Join(" ", messages));
        }

        Errors = error is null ? [.. FieldErrors.Values.Distinct()] : ApplicationText.Messages(error);
        return Page();
    }

    private async Task<bool> Load(CancellationToken cancellationToken)
    {
        var result = await sender.Send(new GetApplication(Id), cancellationToken);
        if (!result.IsSuccess)
        {
            return false;
        }

        View = result.Value;
        if (View.Status == ApplicationStatus.Accepted)
        {
            var agreements = await sender.Send(new ListAgreements(Id), cancellationToken);
            AgreementId = agreements.IsSuccess && agreements.Value.Count > 0 ? agreements.Value[0].Id : null;
        }

        Project = ProjectForm.From(View);
        Consortium = ConsortiumForm.From(View);
        Financing = FinancingForm.From(View, Years, EmptyRowsPerYear);
        Indicators = IndicatorsForm.From(View, Years);
        return true;
    }

    /// <summary>What the model binder could not read: its French error goes next to the field, and the text typed stays in it.</summary>
    private void KeepUnreadable()
    {
        foreach (var (field, entry) in ModelState)
        {
            if (entry.Errors.Count > 0)
            {
                FieldErrors.TryAdd(field, entry.Errors[0].ErrorMessage);
                Typed.TryAdd(field, entry.AttemptedValue ?? "");
            }
        }
    }
}
