// The page of one's own second factors: once django-otp-webauthn's script has registered a new
// passkey, reload so the list shows it.
document.addEventListener("otp_webauthn.register_complete", () => {
  window.location.reload();
});
