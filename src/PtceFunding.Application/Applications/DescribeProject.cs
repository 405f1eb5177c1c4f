namespace PtceFunding.Application.Applications;

/// <summary>Saves the project section of a draft (title, description, territory, sectors, start and duration).</summary>
[Allow(Audience.Applicants)]
public sealed record DescribeProject(
    Guid Id, int? ExpectedVersion, string Title, string Description, string Territory, IReadOnlyList<string> Sectors, DateOnly? StartDate, int? DurationYears)
    : ICommand<Result<int>>, IVersioned;

internal sealed class DescribeProjectValidator : AbstractValidator<DescribeProject>
{
    public DescribeProjectValidator()
    {
        RuleFor(c => c.Title).NotEmpty().WithMessage("Donnez un titre au projet.")
            .MaximumLength(300).WithMessage("Le titre ne peut dépasser 300 caractères.");
        RuleFor(c => c.Description).MaximumLength(8000).WithMessage("La description ne peut dépasser 8 000 caractères.");
        RuleFor(c => c.Territory).MaximumLength(1000).WithMessage("Le territoire ne peut dépasser 1 000 caractères.");
        RuleFor(c => c.Sectors).Must(s => s.Count <= 20 && s.All(x => x.Length <= 100)).WithMessage("Au plus 20 secteurs de 100 caractères.");
    }
}

internal sealed class DescribeProjectHandler(IPtceDbContext db, ICurrentUser user) : ICommandHandler<DescribeProject, Result<int>>
{
    public ValueTask<Result<int>> Handle(DescribeProject request, CancellationToken cancellationToken) =>
        new(ApplicationDrafts.Edit(db, user, request.Id, request, application => application.DescribeProject(new ProjectDescription(
            request.Title, request.Description ?? "", request.Territory ?? "", request.Sectors ?? [], request.StartDate, request.DurationYears)), cancellationToken));
}
