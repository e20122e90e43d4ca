namespace OpenSend.Web.GovUk;

/// <summary>A GOV.UK file upload field (rendered by Pages/Shared/_FileUpload.cshtml), its error taken from the model state under <see cref="Name"/>.</summary>
public sealed record FileUploadField(string Name, string Label, string Hint, string Accept)
{
    public const string AnyDocument = ".pdf,.docx,.jpg,.jpeg,.png,.mp4";

    public const string PicturesAndVideo = ".jpg,.jpeg,.png,.mp4";
}
