namespace PtceFunding.Domain.Organisations;

/// <summary>French labels of the legal forms, as applicants know them.</summary>
public static class LegalForms
{
    public static string Label(LegalForm form) => form switch
    {
        LegalForm.Association => "Association",
        LegalForm.Scop => "SCOP",
        LegalForm.Scic => "SCIC",
        LegalForm.Sas => "SAS",
        LegalForm.Sarl => "SARL",
        LegalForm.Sa => "SA",
        LegalForm.LocalAuthority => "Collectivité territoriale",
        LegalForm.PublicBody => "Établissement public",
        LegalForm.Research => "Organisme de recherche",
        LegalForm.Training => "Organisme de formation",
        _ => "Autre",
    };
}
