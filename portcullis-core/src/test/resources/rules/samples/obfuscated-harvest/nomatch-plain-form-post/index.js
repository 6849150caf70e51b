// a form plugin posting to the endpoint its user configured: readable code, no string array
$(function () {
  $('form.ajax').on('submit', function (e) {
    e.preventDefault();
    $.ajax({ type: 'POST', url: 'https://api.example.com/forms', data: $(this).serializeArray() });
  });
});
