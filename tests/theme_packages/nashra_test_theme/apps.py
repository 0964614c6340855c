from django.apps import AppConfig


class TestThemeConfig(AppConfig):
    name = "tests.theme_packages.nashra_test_theme"
    label = "nashra_test_theme"
    nashra_theme = {
        "key": "testtheme",
        "name": "Test Theme",
        "version": "0.1",
        "options": ("colours", "typeface"),
        # Matches TEST_ONLY_vendor_private_key.pem beside this package.
        "public_key": "i7YEv16jZZdK146W2uonrCnU6lzEv9+GakHgNfoJznw=",
    }
